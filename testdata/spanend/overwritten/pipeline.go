// Package overwritten is a pipeline that reuses one span variable for its
// stages.
package overwritten

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("pipeline")

func stage(ctx context.Context) {}

// Run reuses span for the second stage before ending the first.
func Run(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "extract")
	stage(ctx)
	ctx, span = tracer.Start(ctx, "load") // want `span "load" started here is assigned to span while span "extract" started at line 18 is not ended; call span.End\(\) before starting the next span \(spanend/overwritten\)`
	stage(ctx)
	span.End()
}

// RunEnded ends each stage before the next.
func RunEnded(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "extract")
	stage(ctx)
	span.End()
	ctx, span = tracer.Start(ctx, "load")
	stage(ctx)
	span.End()
}

// RunDeferred defers End of each stage: defer evaluates the span when the
// defer statement runs, so both spans are ended.
func RunDeferred(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "extract")
	defer span.End()
	stage(ctx)
	ctx, span = tracer.Start(ctx, "load")
	defer span.End()
	stage(ctx)
}

// RunConditional overwrites the span on one branch only.
func RunConditional(ctx context.Context, retry bool) {
	var span trace.Span
	ctx, span = tracer.Start(ctx, "attempt")
	if retry {
		ctx, span = tracer.Start(ctx, "retry") // want `span "retry" started here is assigned to span while span "attempt" started at line 49 is not ended; call span.End\(\) before starting the next span \(spanend/overwritten\)`
	}
	stage(ctx)
	span.End()
}

// RunConditionalEnded ends the first attempt before retrying.
func RunConditionalEnded(ctx context.Context, retry bool) {
	ctx, span := tracer.Start(ctx, "attempt")
	if retry {
		span.End()
		ctx, span = tracer.Start(ctx, "retry")
	}
	stage(ctx)
	span.End()
}

// RunDeferredClosure defers a closure that reads span when the function
// returns: it ends only the second span.
func RunDeferredClosure(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "extract")
	defer func() { span.End() }()
	stage(ctx)
	ctx, span = tracer.Start(ctx, "load") // want `span "load" started here is assigned to span, which the deferred function at line 72 reads only when the function returns, so span "extract" started at line 71 is never ended; end it first or use a new variable \(spanend/overwritten\)`
	stage(ctx)
}

// RunDeferredClosureNewVar uses a new variable for the second stage.
func RunDeferredClosureNewVar(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "extract")
	defer func() { span.End() }()
	stage(ctx)
	ctx, load := tracer.Start(ctx, "load")
	defer load.End()
	stage(ctx)
}

// RunEach starts a span per item with := in the loop body: each closure
// captures its own variable (the defer-in-loop check has its say).
func RunEach(ctx context.Context, items []string) {
	for range items {
		_, span := tracer.Start(ctx, "item")
		defer func() { span.End() }() // want `deferred call in a loop body ends a span only when the function returns, so every iteration's span stays open until then; end the span at the end of the iteration or move the loop body into a function \(spanend/defer-in-loop\)`
	}
}
