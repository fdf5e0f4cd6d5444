// Package telemetry is a service's own tracing helper package: other
// packages propagate through it without calling a propagator themselves.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Carrier returns the trace context of ctx as a map, to put in a message.
func Carrier(ctx context.Context) map[string]string {
	c := propagation.MapCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, c)
	return c
}

// StartFromCarrier starts a span continuing the trace in carrier.
func StartFromCarrier(ctx context.Context, name string, carrier map[string]string) (context.Context, trace.Span) {
	ctx = otel.GetTextMapPropagator().Extract(ctx, propagation.MapCarrier(carrier))
	return otel.Tracer("telemetry").Start(ctx, name)
}
