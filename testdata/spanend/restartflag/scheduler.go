// Package restartflag is a job scheduler whose loop keeps one span open
// across iterations and starts a new one, guarded by a flag, after ending
// the last.
package restartflag

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("scheduler")

type Job struct{ ID string }

func nextTenant(ctx context.Context) bool { return true }
func createJob(ctx context.Context) *Job  { return nil }
func full(ctx context.Context) bool       { return false }

// Run starts a span when none is open and ends it when a job is handed out
// or the tenant is reset; the next iteration starts a new one.
func Run(ctx context.Context, jobs chan<- *Job) {
	var (
		span    trace.Span
		loopCtx context.Context
		started bool
	)
	reset := func() {
		span.AddEvent("tenant reset")
		span.End()
		started = false
	}
	for {
		if ctx.Err() != nil {
			if started {
				span.End()
			}
			return
		}
		if !started {
			loopCtx, span = tracer.Start(ctx, "schedule")
			started = true
		}
		if !nextTenant(loopCtx) {
			span.AddEvent("no tenant")
			continue
		}
		if full(loopCtx) {
			span.AddEvent("tenant full")
			reset()
			continue
		}
		job := createJob(loopCtx)
		if job == nil {
			span.AddEvent("tenant exhausted")
			reset()
			continue
		}
		select {
		case <-ctx.Done():
			span.End()
			return
		case jobs <- job:
			span.AddEvent("job created", trace.WithAttributes(attribute.String("job.id", job.ID)))
			span.End()
			started = false
		}
	}
}

// RunLeaky leaves the open span behind when the context is cancelled
// between jobs.
func RunLeaky(ctx context.Context, jobs chan<- *Job) {
	var (
		span    trace.Span
		loopCtx context.Context
		started bool
	)
	for {
		if ctx.Err() != nil {
			return
		}
		if !started {
			loopCtx, span = tracer.Start(ctx, "schedule") // want `span "schedule" started here in a loop is not ended on the path through the return at line 83; call span.End\(\) on that path before the iteration ends \(a deferred End would run only when the function returns\) \(spanend/not-ended\)`
			started = true
		}
		job := createJob(loopCtx)
		if job == nil {
			span.AddEvent("no job")
			continue
		}
		jobs <- job
		span.End()
		started = false
	}
}

// RunStale ends the span but forgets to clear the flag: the next
// iteration annotates the ended span.
func RunStale(ctx context.Context, jobs chan<- *Job) {
	var (
		span    trace.Span
		loopCtx context.Context
		started bool
	)
	for ctx.Err() == nil {
		if !started {
			loopCtx, span = tracer.Start(ctx, "schedule")
			started = true
		}
		job := createJob(loopCtx)
		span.AddEvent("job created") // want `span.AddEvent is called after span.End\(\) at line 116 and is dropped; call it before End \(spanend/used-after-end\)`
		jobs <- job
		span.End()
	}
}
