// Package checksflag has one finding of each default check; the flag test
// runs only the shutdown check on it.
package checksflag

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Setup leaks a batching provider, samples everything and sets no
// propagator.
func Setup(exp sdktrace.SpanExporter) {
	tp := sdktrace.NewTracerProvider( // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
		sdktrace.WithBatcher(exp),
		sdktrace.WithSampler(sdktrace.AlwaysSample()),
	)
	otel.SetTracerProvider(tp)
}

// Audit exports synchronously, and shuts its provider down.
func Audit(ctx context.Context, exp sdktrace.SpanExporter) error {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	defer tp.Shutdown(ctx)
	_, span := tp.Tracer("audit").Start(ctx, "audit.Record")
	span.End()
	return nil
}
