// Package testonly sets the propagator in its tests only: production code
// still runs with the no-op propagator.
package testonly

import (
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Install installs tp globally; the caller shuts it down.
func Install(tp *sdktrace.TracerProvider) {
	otel.SetTracerProvider(tp) // want `^this package installs a global TracerProvider but never calls otel\.SetTextMapPropagator, .* \(sdksetup/propagator\)$`
}
