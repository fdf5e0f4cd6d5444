// Package goroutines is a worker pool that hands spans to goroutines.
package goroutines

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("workers")

type Task struct{ ID string }

func process(ctx context.Context, t Task) {}

// Dispatch ends the span in the goroutine that does the work.
func Dispatch(ctx context.Context, t Task) {
	ctx, span := tracer.Start(ctx, "dispatch")
	go func() {
		defer span.End()
		process(ctx, t)
	}()
}

// work ends the span it is handed.
func work(ctx context.Context, span trace.Span, t Task) {
	defer span.End()
	process(ctx, t)
}

// DispatchToFunc hands the span to a same-package goroutine function.
func DispatchToFunc(ctx context.Context, t Task) {
	ctx, span := tracer.Start(ctx, "dispatch")
	go work(ctx, span, t)
}

// DispatchAnnotateOnly lets a goroutine annotate the span but nobody ends it.
func DispatchAnnotateOnly(ctx context.Context, t Task) {
	ctx, span := tracer.Start(ctx, "dispatch") // want `span "dispatch" started here is not ended on the path that reaches the end of the function at line 47; add defer span.End\(\) \(spanend/not-ended\)`
	go func() {
		span.SetAttributes(attribute.String("task.id", t.ID))
		process(ctx, t)
	}()
}

// FanOut waits for its goroutines, each with its own child span.
func FanOut(ctx context.Context, tasks []Task) {
	ctx, span := tracer.Start(ctx, "fanout")
	defer span.End()
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Add(1)
		go func(ctx context.Context, t Task) {
			defer wg.Done()
			ctx, child := tracer.Start(ctx, "task")
			defer child.End()
			process(ctx, t)
		}(ctx, t)
	}
	wg.Wait()
}

// FanOutLeaky leaks each goroutine's child span.
func FanOutLeaky(ctx context.Context, tasks []Task) {
	ctx, span := tracer.Start(ctx, "fanout")
	defer span.End()
	for _, t := range tasks {
		go func(t Task) {
			ctx, child := tracer.Start(ctx, "task") // want `span "task" started here is not ended on the path that reaches the end of the function at line 75; add defer child.End\(\) \(spanend/not-ended\)`
			child.AddEvent("start")
			process(ctx, t)
		}(t)
	}
}
