// Package wrappers starts its spans only through the telemetry helper,
// configured with -spanend.start-funcs; it does not import OpenTelemetry
// itself.
package wrappers

import (
	"context"
	"fmt"

	"otellint.test/spanname/wrappers/telemetry"
)

type Invoice struct {
	ID     string
	Amount int64
}

type Billing struct{}

func (Billing) Charge(ctx context.Context, inv Invoice) error {
	ctx, span := telemetry.StartSpan(ctx, "Billing.Charge")
	defer span.End()
	s := telemetry.Span(ctx, "doWork")
	defer s.End()
	return nil
}

func (Billing) Refund(ctx context.Context, inv Invoice) error {
	ctx, span := telemetry.StartSpan(ctx, "Billing.Refund "+inv.ID) // want `^span name is built from inv\.ID \(an ID\), which has unbounded cardinality; use a fixed name such as "Billing\.Refund" and record inv\.ID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	s := telemetry.Span(ctx, fmt.Sprintf("Billing.Refund.%d", inv.Amount))
	defer s.End()
	return nil
}
