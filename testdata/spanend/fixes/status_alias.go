package fixes

import (
	"context"

	otelcodes "go.opentelemetry.io/otel/codes"
)

// Route already imports codes under another name: the fix uses it.
func Route(ctx context.Context, msg string) error {
	ctx, span := tracer.Start(ctx, "Route")
	defer span.End()
	if err := send(ctx, msg); err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 15, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	span.SetStatus(otelcodes.Ok, "")
	return nil
}

// Forward records whatever error it got, nil or not: no fix, since
// err.Error() would panic on a nil error.
func Forward(ctx context.Context, msg string) error {
	ctx, span := tracer.Start(ctx, "Forward")
	defer span.End()
	err := send(ctx, msg)
	span.RecordError(err) // want `span.RecordError records an error that is returned at line 28, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
	return err
}

// Reject records under an else of err == nil: the fix applies.
func Reject(ctx context.Context, msg string) error {
	ctx, span := tracer.Start(ctx, "Reject")
	defer span.End()
	if err := send(ctx, msg); err == nil {
		span.AddEvent("sent")
	} else {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 39, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}
