package detached

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// startRun returns the span of a run: a new one the first time, or a no-op
// span when the run's trace was started by an earlier reconcile. The
// caller ends whatever span it gets.
func startRun(ctx context.Context, started bool) (context.Context, trace.Span) {
	noop := trace.SpanFromContext(context.Background())
	if started {
		return ctx, noop
	}
	return otel.Tracer("runs").Start(ctx, "Run")
}

// recordRun starts its span from a fresh root: the reconcile's trace is
// lost.
func recordRun(ctx context.Context) {
	_, span := otel.Tracer("runs").Start(context.Background(), "RecordRun") // want `^use ctx \(parameter of recordRun\) instead of context\.Background\(\) \(ctxprop/background\)$`
	defer span.End()
}
