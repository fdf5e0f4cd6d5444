// Package checksflag has one finding of each default check; the flag test
// runs only the shutdown check on it.
package checksflag

import (
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Setup leaks, exports synchronously, samples everything and sets no
// propagator.
func Setup(exp sdktrace.SpanExporter) {
	tp := sdktrace.NewTracerProvider( // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
		sdktrace.WithSyncer(exp),
		sdktrace.WithSampler(sdktrace.AlwaysSample()),
	)
	otel.SetTracerProvider(tp)
}
