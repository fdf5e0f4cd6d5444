// Package oteltracing installs the tracer provider and leaves the
// propagator to tracectx, which it imports to install both.
package oteltracing

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"otellint.test/sdksetup/propagator/otherpkg/tracectx"
)

// Start installs tracing and returns its shutdown.
func Start(ctx context.Context) (func(context.Context) error, error) {
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp) // ok: tracectx, imported, installs the propagator
	tracectx.Install()
	return tp.Shutdown, nil
}
