// Package usedafterend is a checkout flow that changes spans after ending
// them.
package usedafterend

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("checkout")

var errEmpty = errors.New("empty cart")

type Cart struct{ Items int }

func logTraceID(id trace.TraceID) {}

// Checkout sets attributes after End: they are dropped.
func Checkout(ctx context.Context, c Cart) {
	_, span := tracer.Start(ctx, "Checkout")
	span.End()
	span.SetAttributes(attribute.Int("cart.items", c.Items)) // want `span.SetAttributes is called after span.End\(\) at line 26 and is dropped; call it before End \(spanend/used-after-end\)`
}

// CheckoutOrdered sets attributes before End and reads the span context
// after it (reading is fine).
func CheckoutOrdered(ctx context.Context, c Cart) {
	_, span := tracer.Start(ctx, "Checkout")
	span.SetAttributes(attribute.Int("cart.items", c.Items))
	span.End()
	logTraceID(span.SpanContext().TraceID())
}

// Validate ends the span on the error path and then sets its status.
func Validate(ctx context.Context, c Cart) error {
	_, span := tracer.Start(ctx, "Validate")
	if c.Items == 0 {
		span.End()
		span.SetStatus(codes.Error, errEmpty.Error()) // want `span.SetStatus is called after span.End\(\) at line 43 and is dropped; call it before End \(spanend/used-after-end\)`
		return errEmpty
	}
	span.End()
	return nil
}

// ValidateReturns ends the span on the error path and returns at once.
func ValidateReturns(ctx context.Context, c Cart) error {
	_, span := tracer.Start(ctx, "Validate")
	if c.Items == 0 {
		span.SetStatus(codes.Error, errEmpty.Error())
		span.End()
		return errEmpty
	}
	span.AddEvent("valid")
	span.End()
	return nil
}

// Twice ends the span twice.
func Twice(ctx context.Context) {
	_, span := tracer.Start(ctx, "Twice")
	span.End()
	span.End() // want `span.End is called again after span.End\(\) at line 67; end the span once \(spanend/used-after-end\)`
}

// Stages ends each stage's span and starts a new one in the same variable.
func Stages(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		_, span := tracer.Start(ctx, "stage")
		span.AddEvent("run")
		span.End()
	}
}

// Events adds an event after End inside a loop.
func Events(ctx context.Context, n int) {
	_, span := tracer.Start(ctx, "Events") // want `span "Events" started here is not ended on the path that reaches the end of the function at line 89; add defer span.End\(\) \(spanend/not-ended\)`
	for i := 0; i < n; i++ {
		if i == n-1 {
			span.End()
		}
		span.AddEvent("tick") // want `span.AddEvent is called after span.End\(\) at line 85 and is dropped; call it before End \(spanend/used-after-end\)`
	}
}

// Restart ends the span and starts a new one in the same variable.
func Restart(ctx context.Context) {
	_, span := tracer.Start(ctx, "first")
	span.End()
	_, span = tracer.Start(ctx, "second")
	span.AddEvent("second")
	span.End()
}

// FromContext ends the caller's span and then annotates it.
func FromContext(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	span.End()
	span.AddEvent("late") // want `span.AddEvent is called after span.End\(\) at line 103 and is dropped; call it before End \(spanend/used-after-end\)`
}
