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
	s := telemetry.Span(ctx, "doWork") // want `^span name "doWork" is a generic placeholder that says nothing about the operation; name what the code does, e\.g\. "Billing\.Charge", the operation this Billing method performs \(spanname/function-style\)$`
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
