// Command blankautoprop imports autoprop for nothing: the import installs
// no propagator.
package main

import (
	"context"

	_ "go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp) // want `^this package installs a global TracerProvider but never calls otel\.SetTextMapPropagator, .* \(sdksetup/propagator\)$`
}
