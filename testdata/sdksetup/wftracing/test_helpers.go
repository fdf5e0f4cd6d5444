package wftracing

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// NewTestTracing returns tracing that records every span as it ends, for
// tests to query.
func NewTestTracing() (*Tracing, *RecordingExporter) {
	exp := &RecordingExporter{}
	return &Tracing{tp: sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))}, exp
}
