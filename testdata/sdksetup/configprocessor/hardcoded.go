package configprocessor

import (
	"context"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Default is the provider used when the configuration file has no
// processors: nothing chose a synchronous export here.
func Default(ctx context.Context, tracing bool) (*sdktrace.TracerProvider, error) {
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	if tracing {
		// The whole provider is built inside the branch: the branch turns
		// tracing on, it does not choose the export mode.
		return sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp)), nil // want `^sdktrace\.WithSyncer exports each span synchronously, blocking the goroutine that ends it until the exporter returns; use sdktrace\.WithBatcher outside tests \(sdksetup/sync-export\)$`
	}
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sdktrace.NewSimpleSpanProcessor(exp))), nil // want `^sdktrace\.NewSimpleSpanProcessor exports each span synchronously, .* \(sdksetup/sync-export\)$`
}
