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
