// Package tracetesthelper is a test helper kept in a non-test file: it
// records spans in memory, synchronously, for other packages' tests.
package tracetesthelper

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// NewRecorder returns a provider recording into an in-memory exporter; the
// test shuts it down.
func NewRecorder() (*sdktrace.TracerProvider, *tracetest.InMemoryExporter) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp)) // ok: in-memory test exporter
	return tp, exp
}

// NewProcessor wraps the in-memory exporter in a simple processor.
func NewProcessor(exp *tracetest.InMemoryExporter) sdktrace.SpanProcessor {
	return sdktrace.NewSimpleSpanProcessor(exp) // ok: in-memory test exporter
}
