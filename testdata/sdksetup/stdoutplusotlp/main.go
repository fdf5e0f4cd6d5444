// Command stdoutplusotlp prints spans while debugging but also sends them to
// a collector: its sampling reaches a back end and is reported.
package main

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx := context.Background()
	console, err := stdouttrace.New()
	if err != nil {
		log.Fatal(err)
	}
	collector, err := otlptracehttp.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sdktrace.AlwaysSample()), // want `^sampler sdktrace\.AlwaysSample\(\) keeps every trace .* \(sdksetup/full-sampling\)$`
		sdktrace.WithSyncer(console),                  // want `^sdktrace\.WithSyncer exports each span synchronously, .* \(sdksetup/sync-export\)$`
		sdktrace.WithBatcher(collector),
	)
	defer func() { _ = tp.Shutdown(ctx) }()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
}
