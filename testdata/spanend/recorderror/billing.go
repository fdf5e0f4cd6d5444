// Package recorderror is a billing service that records errors on spans with
// and without setting the span's status.
package recorderror

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	otelcodes "go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("billing")

var errLimit = errors.New("limit reached")

func bill(ctx context.Context, amount int) error { return nil }

// Bill records the error but leaves the status Unset.
func Bill(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	if err := bill(ctx, amount); err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 26, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}

// BillStatusAfter records the error and sets the status (import alias).
func BillStatusAfter(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	if err := bill(ctx, amount); err != nil {
		span.RecordError(err)
		span.SetStatus(otelcodes.Error, "billing failed")
		return err
	}
	return nil
}

// BillStatusBefore sets the status first.
func BillStatusBefore(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		span.SetStatus(otelcodes.Error, err.Error())
		span.RecordError(err)
	}
	return err
}

// BillOk sets an Ok status after recording: not a failure status.
func BillOk(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 64, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		span.SetStatus(otelcodes.Ok, "")
	}
	return err
}

// BillOneBranch sets the status on one branch of a later if only.
func BillOneBranch(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 78, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
	}
	if errors.Is(err, errLimit) {
		span.SetStatus(otelcodes.Error, "limit")
	}
	return err
}

// BillDeferredStatus sets the status in a deferred closure.
func BillDeferredStatus(ctx context.Context, amount int) (err error) {
	ctx, span := tracer.Start(ctx, "Bill")
	defer func() {
		if err != nil {
			span.SetStatus(otelcodes.Error, err.Error())
		}
		span.End()
	}()
	if err = bill(ctx, amount); err != nil {
		span.RecordError(err)
	}
	return err
}

// fail marks the span as failed.
func fail(span trace.Span, err error) {
	span.RecordError(err)
	span.SetStatus(otelcodes.Error, err.Error())
}

// note only records the error on a span it is given: the caller owns the
// span and decides its status.
func note(span trace.Span, err error) {
	span.RecordError(err)
}

// BillHelper sets the status through a same-package helper.
func BillHelper(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		span.RecordError(err)
		fail(span, err)
	}
	return err
}

// BillVariableCode sets a status code chosen at run time.
func BillVariableCode(ctx context.Context, amount int, code otelcodes.Code) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(code, "billing")
	}
	return err
}

// Retry records failed attempts on the request's span and returns the last
// one's error when every attempt failed. Whoever started the span is out of
// view (no function of the package calls Retry): the server instrumentation
// may mark it from the returned error, so nothing is reported.
func Retry(ctx context.Context, amount int) error {
	span := trace.SpanFromContext(ctx)
	var err error
	for i := 0; i < 3; i++ {
		if err = bill(ctx, amount); err == nil {
			return nil
		}
		span.RecordError(err)
	}
	return err
}

// RetryOrGiveUp records failed attempts on the request's span and answers
// with a cached value when every attempt failed: the error is handled.
func RetryOrGiveUp(ctx context.Context, amount int) (int, error) {
	span := trace.SpanFromContext(ctx)
	for i := 0; i < 3; i++ {
		err := bill(ctx, amount)
		if err == nil {
			return amount, nil
		}
		span.RecordError(err)
	}
	return 0, nil
}

// BillNote records through a helper and sets the status itself.
func BillNote(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		note(span, err)
		span.SetStatus(otelcodes.Error, "billing failed")
	}
	return err
}

// BillNoteOnly records through a helper and never sets the status.
func BillNoteOnly(ctx context.Context, amount int) error {
	ctx, span := tracer.Start(ctx, "Bill")
	defer span.End()
	err := bill(ctx, amount)
	if err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 182, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
	}
	return err
}

// BillFromContext uses SpanFromContext for both calls.
func BillFromContext(ctx context.Context, amount int) error {
	err := bill(ctx, amount)
	if err != nil {
		trace.SpanFromContext(ctx).RecordError(err)
		trace.SpanFromContext(ctx).SetStatus(otelcodes.Error, err.Error())
	}
	return err
}
