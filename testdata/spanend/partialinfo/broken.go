// Package partialinfo does not type-check: the rule must not panic and must
// not guess where types are missing.
package partialinfo

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("broken")

// Broken calls an undefined function with the span.
func Broken(ctx context.Context) {
	_, span := tracer.Start(ctx, "Broken")
	undefinedHelper(span)
	missing.End()
}

// BrokenStart starts through an undefined tracer.
func BrokenStart(ctx context.Context) {
	_, span := undefinedTracer.Start(ctx, "BrokenStart")
	span.AddEvent("x")
}

// Leak still leaks where the types are known.
func Leak(ctx context.Context) {
	_, span := tracer.Start(ctx, "Leak") // want `span "Leak" started here is not ended on the path that reaches the end of the function at line 30; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("leak")
}
