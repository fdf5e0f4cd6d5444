// Package onebranch is a payment service whose spans are ended in only one
// branch of an if, or under a condition that may change.
package onebranch

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("payments")

type Payment struct {
	Method string
	Amount int
}

var errDeclined = errors.New("declined")

func charge(ctx context.Context, p Payment) error { return nil }

// Charge ends the span only in the success branch and falls off the end.
func Charge(ctx context.Context, p Payment) {
	ctx, span := tracer.Start(ctx, "Charge") // want `span "Charge" started here is not ended on the path that reaches the end of the function at line 32; add defer span.End\(\) \(spanend/not-ended\)`
	if err := charge(ctx, p); err == nil {
		span.End()
	} else {
		span.RecordError(err) // want `span.RecordError records an error on which the function gives up at line 32, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
	}
}

// ChargeBothBranches ends the span in both branches.
func ChargeBothBranches(ctx context.Context, p Payment) {
	ctx, span := tracer.Start(ctx, "Charge")
	if err := charge(ctx, p); err == nil {
		span.End()
	} else {
		span.AddEvent("declined")
		span.End()
	}
}

// Refund ends the span through a guard clause's goto-free early exit
// only when the amount is positive.
func Refund(ctx context.Context, p Payment) (err error) {
	var span trace.Span
	ctx, span = tracer.Start(ctx, "Refund") // want `span "Refund" started here is not ended on the path through the return at line 54; add defer span.End\(\) \(spanend/not-ended\)`
	if p.Amount > 0 {
		defer span.End()
		err = charge(ctx, p)
	}
	return err
}

// RefundEarlyGuard returns before starting the span.
func RefundEarlyGuard(ctx context.Context, p Payment) error {
	if p.Amount <= 0 {
		return errDeclined
	}
	ctx, span := tracer.Start(ctx, "Refund")
	defer span.End()
	return charge(ctx, p)
}

// Processor traces only when tracing is enabled.
type Processor struct {
	tracing bool
}

// Settle starts and ends the span under the same unchanged condition.
func (p *Processor) Settle(ctx context.Context, pay Payment) error {
	var span trace.Span
	if p.tracing {
		ctx, span = tracer.Start(ctx, "Settle")
	}
	err := charge(ctx, pay)
	if p.tracing {
		span.End()
	}
	return err
}

// SettleNegated ends the span unless tracing is off.
func SettleNegated(ctx context.Context, pay Payment, traced bool) error {
	var span trace.Span
	if traced {
		ctx, span = tracer.Start(ctx, "Settle")
	}
	err := charge(ctx, pay)
	if !traced {
		return err
	}
	span.End()
	return err
}

// SettleFlipped changes the condition between start and end: the span
// leaks when the flag flips.
func SettleFlipped(ctx context.Context, pay Payment, traced bool) error {
	var span trace.Span
	if traced {
		ctx, span = tracer.Start(ctx, "Settle") // want `span "Settle" started here is not ended on the path through the return at line 113; add defer span.End\(\) \(spanend/not-ended\)`
	}
	err := charge(ctx, pay)
	if err != nil {
		traced = false
	}
	if traced {
		span.End()
	}
	return err
}
