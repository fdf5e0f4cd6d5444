package fixes

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
)

// Deliver records the error without a status: the fix adds SetStatus and
// imports codes.
func Deliver(ctx context.Context, msg string) error {
	ctx, span := tracer.Start(ctx, "Deliver")
	defer span.End()
	span.SetAttributes(attribute.Int("message.size", len(msg)))
	err := send(ctx, msg)
	if err != nil {
		span.RecordError(err) // want `span.RecordError is called on a path that never sets span.SetStatus\(codes.Error, ...\), so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}

// Retry records an error that is not a plain variable: no fix.
func Retry(ctx context.Context, msgs []string) {
	ctx, span := tracer.Start(ctx, "Retry")
	defer span.End()
	for i, m := range msgs {
		if errs := []error{send(ctx, m)}; errs[0] != nil {
			span.RecordError(errs[0]) // want `span.RecordError is called on a path that never sets span.SetStatus\(codes.Error, ...\), so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		}
		_ = i
	}
}

// Dispatch is a second fix in the same file: both add the same import.
func Dispatch(ctx context.Context, msgs []string) error {
	ctx, span := tracer.Start(ctx, "Dispatch")
	defer span.End()
	for _, m := range msgs {
		if err := send(ctx, m); err != nil {
			span.RecordError(err) // want `span.RecordError is called on a path that never sets span.SetStatus\(codes.Error, ...\), so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
			return err
		}
	}
	return nil
}
