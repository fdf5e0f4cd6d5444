// Command otherpkg installs the tracer provider in main and the propagator
// in another of its packages.
package main

import (
	"context"
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"otellint.test/sdksetup/propagator/otherpkg/tracectx"
)

func main() {
	ctx := context.Background()
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	defer func() { _ = tp.Shutdown(ctx) }()
	otel.SetTracerProvider(tp) // ok: tracectx installs the propagator
	tracectx.Install()
	log.Fatal(http.ListenAndServe(":8080", otelhttp.NewHandler(http.NewServeMux(), "server")))
}
