// Package callerspan is an order service whose helpers record errors on a
// span they did not start: one given as a parameter, or the caller's span
// taken with trace.SpanFromContext. Where the function that starts the span
// is in view and never sets its status, a returned error recorded on it is
// reported; where the owner sets the status, or is out of view, it is not.
package callerspan

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("orders")

type Order struct{ ID string }

func save(ctx context.Context, o Order) error   { return nil }
func notify(ctx context.Context, o Order) error { return nil }
func price(ctx context.Context, o Order) error  { return nil }

// checkOrder records the error on the span it is given and returns it.
func checkOrder(span trace.Span, o Order) error {
	if o.ID == "" {
		err := fmt.Errorf("order without id")
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 30, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}

// persist records the error on the caller's span and returns it wrapped.
func persist(ctx context.Context, o Order) error {
	span := trace.SpanFromContext(ctx)
	if err := save(ctx, o); err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 40, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return fmt.Errorf("persist order %s: %w", o.ID, err)
	}
	return nil
}

// quote records on the caller's span directly and returns the error.
func quote(ctx context.Context, o Order) error {
	if err := price(ctx, o); err != nil {
		trace.SpanFromContext(ctx).RecordError(err) // want `trace.SpanFromContext\(ctx\).RecordError records an error that is returned at line 49, but trace.SpanFromContext\(ctx\).SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}

// Quote starts the span the helpers above record on and never marks it as
// failed.
func Quote(ctx context.Context, o Order) error {
	ctx, span := tracer.Start(ctx, "Quote")
	defer span.End()
	if err := checkOrder(span, o); err != nil {
		return err
	}
	if err := quote(ctx, o); err != nil {
		return err
	}
	return persist(ctx, o)
}

// announce records a notification failure on the caller's span and goes
// on: the order is placed anyway.
func announce(ctx context.Context, o Order) {
	if err := notify(ctx, o); err != nil {
		trace.SpanFromContext(ctx).RecordError(err)
	}
}

// note only records on the span it is given; it returns nothing, so the
// caller decides.
func note(span trace.Span, err error) {
	span.RecordError(err)
}

// validate records on the span it is given and returns the error; Place,
// its caller, marks the span as failed.
func validate(span trace.Span, o Order) error {
	if o.ID == "" {
		err := fmt.Errorf("order without id")
		span.RecordError(err)
		return err
	}
	return nil
}

// store records on the caller's span; Place marks it as failed.
func store(ctx context.Context, o Order) error {
	span := trace.SpanFromContext(ctx)
	if err := save(ctx, o); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}

// Place starts the span the helpers record on and owns its status.
func Place(ctx context.Context, o Order) error {
	ctx, span := tracer.Start(ctx, "Place")
	defer span.End()
	if err := validate(span, o); err != nil {
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	if err := store(ctx, o); err != nil {
		note(span, err)
		span.SetStatus(codes.Error, "store")
		return err
	}
	announce(ctx, o)
	return nil
}

// Cancel is a gRPC method: the server span it records on belongs to the
// instrumentation that started it, out of view, which marks it from the
// returned error.
func (s *Server) Cancel(ctx context.Context, o Order) error {
	span := trace.SpanFromContext(ctx)
	if err := save(ctx, o); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}

// Server serves orders.
type Server struct{}
