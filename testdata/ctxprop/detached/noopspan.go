package detached

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
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

// resumeRun hands the caller a no-op span to end when the run's trace
// already exists.
func resumeRun(ctx context.Context) (context.Context, trace.Span) {
	return ctx, trace.SpanFromContext(context.Background())
}

// tagRun means to tag the reconcile's span but reads an empty context:
// the attributes go to a no-op span.
func tagRun(ctx context.Context, name string) {
	span := trace.SpanFromContext(context.Background()) // want `^use ctx \(parameter of tagRun\) instead of context\.Background\(\) \(ctxprop/background\)$`
	span.SetAttributes(attribute.String("run", name))
}
