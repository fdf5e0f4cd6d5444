// Command missing installs a TracerProvider exporting to a collector but no
// propagator: incoming traceparent headers are ignored and outgoing requests
// carry none.
package main

import (
	"context"
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

func main() {
	exp, err := otlptracehttp.New(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp) // want `^this package installs a global TracerProvider but never calls otel\.SetTextMapPropagator, so the default no-op propagator drops trace context at every process boundary; call otel\.SetTextMapPropagator\(propagation\.NewCompositeTextMapPropagator\(propagation\.TraceContext\{\}, propagation\.Baggage\{\}\)\) \(sdksetup/propagator\)$`
	log.Fatal(http.ListenAndServe(":8080", otelhttp.NewHandler(http.NewServeMux(), "server")))
}

func disableTracing() {
	otel.SetTracerProvider(noop.NewTracerProvider()) // ok: tracing switched off
}
