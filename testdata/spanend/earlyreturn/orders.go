// Package earlyreturn is an order service whose handlers leave a span open on
// an early return: return err, a bare return, return nil.
package earlyreturn

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("orders")

type Order struct {
	ID    string
	Total int
}

var errInvalid = errors.New("invalid order")

func validate(o *Order) error {
	if o.Total <= 0 {
		return errInvalid
	}
	return nil
}

func save(ctx context.Context, o *Order) error { return nil }

// PlaceOrder leaks the span when validation fails.
func PlaceOrder(ctx context.Context, o *Order) error {
	ctx, span := tracer.Start(ctx, "PlaceOrder") // want `span "PlaceOrder" started here is not ended on the path through the return at line 36; add defer span.End\(\) \(spanend/not-ended\)`
	if err := validate(o); err != nil {
		return err
	}
	defer span.End()
	return save(ctx, o)
}

// PlaceOrderFixed defers End right after the start.
func PlaceOrderFixed(ctx context.Context, o *Order) error {
	ctx, span := tracer.Start(ctx, "PlaceOrder")
	defer span.End()
	if err := validate(o); err != nil {
		return err
	}
	return save(ctx, o)
}

// Lookup leaks on the bare return of a named-result function.
func Lookup(ctx context.Context, id string) (o *Order, err error) {
	_, span := tracer.Start(ctx, "Lookup") // want `span "Lookup" started here is not ended on the path through the return at line 57; add defer span.End\(\) \(spanend/not-ended\)`
	if id == "" {
		err = errInvalid
		return
	}
	o = &Order{ID: id}
	span.End()
	return
}

// LookupEndedBeforeEveryReturn ends the span by hand before each return.
func LookupEndedBeforeEveryReturn(ctx context.Context, id string) (o *Order, err error) {
	_, span := tracer.Start(ctx, "Lookup")
	if id == "" {
		err = errInvalid
		span.End()
		return
	}
	o = &Order{ID: id}
	span.End()
	return
}

// Find leaks on return nil.
func Find(ctx context.Context, id string) *Order {
	_, span := tracer.Start(ctx, "Find") // want `span "Find" started here is not ended on the path through the return at line 81; add defer span.End\(\) \(spanend/not-ended\)`
	if id == "" {
		return nil
	}
	span.SetAttributes(attribute.String("order.id", id))
	span.End()
	return &Order{ID: id}
}

// Audit never ends its span: the leak is at the closing brace.
func Audit(ctx context.Context, o *Order) {
	_, span := tracer.Start(ctx, "Audit") // want `span "Audit" started here is not ended on the path that reaches the end of the function at line 95; add defer span.End\(\) \(spanend/not-ended\)`
	span.SetAttributes(attribute.Int("order.total", o.Total))
	if o.Total > 1000 {
		span.AddEvent("large order")
	}
}

// AuditEnded ends the span as the last statement.
func AuditEnded(ctx context.Context, o *Order) {
	_, span := tracer.Start(ctx, "Audit")
	span.SetAttributes(attribute.Int("order.total", o.Total))
	if o.Total > 1000 {
		span.AddEvent("large order")
	}
	span.End()
}

// Cancel ends the span only when the order exists.
func Cancel(ctx context.Context, o *Order) error {
	ctx, span := tracer.Start(ctx, "Cancel") // want `span "Cancel" started here is not ended on the path through the return at line 115; add defer span.End\(\) \(spanend/not-ended\)`
	if o != nil {
		err := save(ctx, o)
		span.End()
		return err
	}
	return errInvalid
}

// SpanNilChecked ends the span behind a nil check: a nil span needs no End.
func SpanNilChecked(ctx context.Context) {
	_, span := tracer.Start(ctx, "SpanNilChecked")
	defer func() {
		if span != nil {
			span.End()
		}
	}()
}

// EndsBehindNilCheck ends the span behind a nil check, not deferred.
func EndsBehindNilCheck(ctx context.Context) {
	_, span := tracer.Start(ctx, "EndsBehindNilCheck")
	if span == nil {
		return
	}
	span.End()
}

// EndsThroughContext ends the span it holds through its context.
func EndsThroughContext(ctx context.Context, o *Order) error {
	ctx, span := tracer.Start(ctx, "EndsThroughContext")
	defer trace.SpanFromContext(ctx).End()
	span.SetAttributes(attribute.String("order.id", o.ID))
	return save(ctx, o)
}

// OnlyWhenRecording ends the span only when it records: a span that does not
// record holds nothing.
func OnlyWhenRecording(ctx context.Context, o *Order) error {
	ctx, span := tracer.Start(ctx, "OnlyWhenRecording")
	if !span.IsRecording() {
		return save(ctx, o)
	}
	defer span.End()
	span.SetAttributes(attribute.Int("order.total", o.Total))
	return save(ctx, o)
}
