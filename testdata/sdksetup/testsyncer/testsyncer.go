// Package testsyncer builds its production provider with a batcher; its
// tests use WithSyncer and an in-memory exporter, as they should.
package testsyncer

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Start installs a batching provider and returns its shutdown.
func Start(exp sdktrace.SpanExporter) func(context.Context) error {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)) // ok: batching, shut down by the caller
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return tp.Shutdown
}

// Work records a span.
func Work(ctx context.Context) {
	_, span := otel.Tracer("testsyncer").Start(ctx, "work")
	span.End()
}
