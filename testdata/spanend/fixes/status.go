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
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 18, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}

// delivery is the outcome of one send.
type delivery struct {
	msg string
	err error
}

// Retry records an error that is not a plain variable (a field of the
// outcome): no fix, the finding only.
func Retry(ctx context.Context, msgs []string) error {
	ctx, span := tracer.Start(ctx, "Retry")
	defer span.End()
	for _, m := range msgs {
		d := delivery{msg: m, err: send(ctx, m)}
		if d.err != nil {
			span.RecordError(d.err) // want `span.RecordError records an error that is returned at line 38, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
			return d.err
		}
	}
	return nil
}

// Requeue records a failed send and puts the message back: the error is
// handled and nothing is reported.
func Requeue(ctx context.Context, msgs []string, retry chan<- string) error {
	ctx, span := tracer.Start(ctx, "Requeue")
	defer span.End()
	for _, m := range msgs {
		if err := send(ctx, m); err != nil {
			span.RecordError(err)
			retry <- m
		}
	}
	return nil
}

// Dispatch is a second fix in the same file: both add the same import.
func Dispatch(ctx context.Context, msgs []string) error {
	ctx, span := tracer.Start(ctx, "Dispatch")
	defer span.End()
	for _, m := range msgs {
		if err := send(ctx, m); err != nil {
			span.RecordError(err) // want `span.RecordError records an error that is returned at line 65, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
			return err
		}
	}
	return nil
}
