package syncfix

import (
	"os"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	. "go.opentelemetry.io/otel/sdk/trace"
)

// DevProvider prints spans for local development, but still blocks on
// every span.
func DevProvider() (*TracerProvider, error) {
	exp, err := stdouttrace.New(stdouttrace.WithWriter(os.Stderr))
	if err != nil {
		return nil, err
	}
	return NewTracerProvider(WithSyncer(exp)), nil // want `^WithSyncer exports each span synchronously, blocking the goroutine that ends it until the exporter returns; use WithBatcher outside tests \(sdksetup/sync-export\)$`
}

// DevProcessor is silenced for this check only.
func DevProcessor(exp SpanExporter) SpanProcessor {
	//otellint:ignore sdksetup/sync-export the dev console must show spans immediately
	return NewSimpleSpanProcessor(exp) // ok: ignored by directive
}
