// Package wftracing traces a workflow controller. Production tracing
// batches spans to the collector; test_helpers.go builds the synchronous,
// recording set-up the package's tests and its importers' tests use.
package wftracing

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Tracing owns the controller's provider.
type Tracing struct {
	tp *sdktrace.TracerProvider
}

// New batches spans to exp and installs the provider.
func New(exp sdktrace.SpanExporter) *Tracing {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return &Tracing{tp: tp}
}

// Shutdown flushes the spans still buffered.
func (t *Tracing) Shutdown(ctx context.Context) error { return t.tp.Shutdown(ctx) }

// RecordingExporter keeps the spans it is given, for tests to query.
type RecordingExporter struct {
	mu    sync.Mutex
	spans []sdktrace.ReadOnlySpan
}

// ExportSpans records spans.
func (e *RecordingExporter) ExportSpans(_ context.Context, spans []sdktrace.ReadOnlySpan) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.spans = append(e.spans, spans...)
	return nil
}

// Shutdown does nothing.
func (e *RecordingExporter) Shutdown(context.Context) error { return nil }

// NewDebug exports every span as it ends, to exp, for a debugging session
// on a production build: the synchronous export is on every request path.
func NewDebug(exp sdktrace.SpanExporter) *Tracing {
	return &Tracing{tp: sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))} // want `^sdktrace\.WithSyncer exports each span synchronously.*\(sdksetup/sync-export\)$`
}
