// Package tracectx installs the program's propagators; the tracer provider
// is installed by the oteltracing package.
package tracectx

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

// Install sets W3C trace context and baggage as the global propagator.
func Install() {
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
}
