// Package branches is a payment service whose spans are ended in only some
// branches of an if, a switch, a type switch or a select.
package branches

import (
	"context"
	"errors"
	"time"

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
	ctx, span := tracer.Start(ctx, "Charge") // want `span "Charge" started here is not ended on the path that reaches the end of the function at line 33; add defer span.End\(\) \(spanend/not-ended\)`
	if err := charge(ctx, p); err == nil {
		span.End()
	} else {
		span.RecordError(err) // want `span.RecordError is called on a path that never sets span.SetStatus\(codes.Error, ...\), so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
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

// Route ends the span in the card case only.
func Route(ctx context.Context, p Payment) error {
	ctx, span := tracer.Start(ctx, "Route") // want `span "Route" started here is not ended on the path through the return at line 55; add defer span.End\(\) \(spanend/not-ended\)`
	switch p.Method {
	case "card":
		err := charge(ctx, p)
		span.End()
		return err
	case "wallet":
		return nil
	}
	span.End()
	return errDeclined
}

// RouteAllCases ends the span in every case and after the switch.
func RouteAllCases(ctx context.Context, p Payment) error {
	ctx, span := tracer.Start(ctx, "Route")
	switch p.Method {
	case "card":
		err := charge(ctx, p)
		span.End()
		return err
	case "wallet":
		span.End()
		return nil
	default:
		span.End()
	}
	return errDeclined
}

// Describe leaks in the default case of a type switch.
func Describe(ctx context.Context, v any) string {
	_, span := tracer.Start(ctx, "Describe") // want `span "Describe" started here is not ended on the path through the return at line 89; add defer span.End\(\) \(spanend/not-ended\)`
	switch v := v.(type) {
	case string:
		span.End()
		return v
	case error:
		span.End()
		return v.Error()
	default:
		return "unknown"
	}
}

// DescribeDeferred defers End before the type switch.
func DescribeDeferred(ctx context.Context, v any) string {
	_, span := tracer.Start(ctx, "Describe")
	defer span.End()
	switch v := v.(type) {
	case string:
		return v
	default:
		return "unknown"
	}
}

// Await leaks on the timeout case of a select.
func Await(ctx context.Context, done <-chan error) error {
	_, span := tracer.Start(ctx, "Await") // want `span "Await" started here is not ended on the path through the return at line 113; add defer span.End\(\) \(spanend/not-ended\)`
	select {
	case err := <-done:
		span.End()
		return err
	case <-time.After(time.Second):
		return context.DeadlineExceeded
	case <-ctx.Done():
		span.End()
		return ctx.Err()
	}
}

// AwaitAllCases ends the span on every case of the select.
func AwaitAllCases(ctx context.Context, done <-chan error) error {
	_, span := tracer.Start(ctx, "Await")
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Second):
		err = context.DeadlineExceeded
	case <-ctx.Done():
		err = ctx.Err()
	}
	span.End()
	return err
}

// Refund ends the span through a guard clause's goto-free early exit
// only when the amount is positive.
func Refund(ctx context.Context, p Payment) (err error) {
	var span trace.Span
	ctx, span = tracer.Start(ctx, "Refund") // want `span "Refund" started here is not ended on the path through the return at line 144; add defer span.End\(\) \(spanend/not-ended\)`
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
		ctx, span = tracer.Start(ctx, "Settle") // want `span "Settle" started here is not ended on the path through the return at line 203; add defer span.End\(\) \(spanend/not-ended\)`
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
