// Package partialtypes does not type-check: the rule must still report what
// it can see and never panic.
package partialtypes

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("shop/partial")

func Broken(ctx context.Context) {
	_, span := tracer.Start(ctx, undefinedSpanName)
	defer span.End()
	_, s2 := tracer.Start(ctx, missing.Name+"x")
	defer s2.End()
	_, s3 := tracer.Start(ctx, "") // want `^span name is empty; .* \(spanname/empty\)$`
	defer s3.End()
	_, s4 := undefinedTracer.Start(ctx, "")
	defer s4.End()
	_, s5 := tracer.Start(ctx, "Partial.Broken")
	defer s5.End()
	_, s6 := tracer.Start(ctx, 42)
	defer s6.End()
}
