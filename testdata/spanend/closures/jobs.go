// Package closures is a job runner whose spans are ended (or not) by deferred
// function literals, callbacks and cleanup functions.
package closures

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("jobs")

type Job struct{ Name string }

func (j Job) Run(ctx context.Context) error { return nil }

// RunDeferredClosure ends the span in a deferred closure on every path.
func RunDeferredClosure(ctx context.Context, j Job) (err error) {
	ctx, span := tracer.Start(ctx, "RunJob")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	return j.Run(ctx)
}

// RunDeferredClosureOnError ends the span only when the job failed.
func RunDeferredClosureOnError(ctx context.Context, j Job) (err error) {
	ctx, span := tracer.Start(ctx, "RunJob") // want `span "RunJob" started here is ended by the deferred function at line 36 only on some of its paths; call span.End\(\) on every path \(spanend/not-ended\)`
	defer func() {
		if err != nil {
			span.SetStatus(codes.Error, err.Error())
			span.End()
		}
	}()
	return j.Run(ctx)
}

// RunDeferredClosureSwitch ends the span in every case of a switch.
func RunDeferredClosureSwitch(ctx context.Context, j Job) (err error) {
	ctx, span := tracer.Start(ctx, "RunJob")
	defer func() {
		switch {
		case errors.Is(err, context.Canceled):
			span.End()
		case err != nil:
			span.SetStatus(codes.Error, err.Error())
			span.End()
		default:
			span.End()
		}
	}()
	return j.Run(ctx)
}

// Cleanup returns a closure that ends the span: the caller ends it.
func Cleanup(ctx context.Context, j Job) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, "RunJob")
	return ctx, func() { span.End() }
}

// CleanupVar stores the closure in a variable that is returned.
func CleanupVar(ctx context.Context, j Job) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, "RunJob")
	done := func() { span.End() }
	return ctx, done
}

// Callback registers a completion callback that ends the span.
func Callback(ctx context.Context, j Job, onDone func(func())) {
	_, span := tracer.Start(ctx, "RunJob")
	onDone(func() {
		span.End()
	})
}

// CallbackNotEnding passes a closure that only annotates the span.
func CallbackNotEnding(ctx context.Context, j Job, each func(func())) {
	_, span := tracer.Start(ctx, "RunJob") // want `span "RunJob" started here is not ended on the path that reaches the end of the function at line 89; add defer span.End\(\) \(spanend/not-ended\)`
	each(func() {
		span.AddEvent("tick")
	})
}

// Inner starts and leaks a span inside a function literal; the literal is
// checked as a function of its own.
func Inner(ctx context.Context, jobs []Job) {
	run := func(j Job) error {
		ctx, span := tracer.Start(ctx, "inner") // want `span "inner" started here is not ended on the path through the return at line 97; add defer span.End\(\) \(spanend/not-ended\)`
		if err := j.Run(ctx); err != nil {
			return err
		}
		span.End()
		return nil
	}
	for _, j := range jobs {
		_ = run(j)
	}
}

// InnerEnded ends the span of the literal with defer.
func InnerEnded(ctx context.Context, jobs []Job) {
	run := func(j Job) error {
		ctx, span := tracer.Start(ctx, "inner")
		defer span.End()
		return j.Run(ctx)
	}
	for _, j := range jobs {
		_ = run(j)
	}
}

// Outer assigns a span variable of the enclosing function inside a closure:
// the enclosing function owns it and ends it.
func Outer(ctx context.Context, j Job) {
	var span trace.Span
	start := func() {
		ctx, span = tracer.Start(ctx, "outer")
	}
	start()
	defer span.End()
	_ = j.Run(ctx)
}
