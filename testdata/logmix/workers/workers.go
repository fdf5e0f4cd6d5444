// Package workers runs background jobs with slog. Jobs receive a context;
// their log calls should pass it on.
package workers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("workers")

// Job is a unit of work.
type Job struct {
	ID   string
	Size int
}

// Pool processes jobs.
type Pool struct {
	logger *slog.Logger
	jobs   chan Job
}

// Process handles one job.
func (p *Pool) Process(ctx context.Context, job Job) error {
	ctx, span := tracer.Start(ctx, "process job")
	defer span.End()
	p.logger.Info("processing job", "id", job.ID) // want `^p\.logger\.Info drops the context although ctx \(parameter of Process\) is in scope: use InfoContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
	if job.Size > 100 {
		p.logger.WarnContext(ctx, "large job", "size", job.Size)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		slog.Debug("job finished", "id", job.ID) // want `^slog\.Debug drops the context although ctx \(parameter of Process\) is in scope: use DebugContext\(ctx, \.\.\.\)`
	}()
	<-done
	return nil
}

// Retry retries a job; its context is the parameter.
func (p *Pool) Retry(ctx context.Context, job Job, attempt int) {
	p.logger.Error("retrying job", "id", job.ID, "attempt", attempt) // want `^p\.logger\.Error drops the context although ctx \(parameter of Retry\) is in scope: use ErrorContext\(ctx, \.\.\.\)`
	p.logger.Log(ctx, slog.LevelWarn, "retry scheduled")
}

// Run drains the queue. Its context is context.Background(), which carries
// no span: nothing is gained by passing it, so nothing is reported.
func (p *Pool) Run() {
	ctx := context.Background()
	for job := range p.jobs {
		slog.Info("dequeued", "id", job.ID)
		_ = p.Process(ctx, job)
	}
}

// Tick has no context at all.
func (p *Pool) Tick(now time.Time) {
	p.logger.Debug("tick", "at", now)
}

// Drain uses the ignored blank context parameter: nothing to pass.
func (p *Pool) Drain(_ context.Context) {
	p.logger.Info("draining")
}

// Each is generic: the context parameter is reachable all the same.
func Each[T any](ctx context.Context, logger *slog.Logger, items []T, fn func(context.Context, T) error) {
	var zero T
	if len(items) == 0 {
		logger.Warn("empty batch", "kind", fmt.Sprintf("%T", zero)) // want `^logger\.Warn drops the context although ctx \(parameter of Each\) is in scope: use WarnContext\(ctx, \.\.\.\)`
	}
	for _, it := range items {
		if err := fn(ctx, it); err != nil {
			logger.ErrorContext(ctx, "item failed", "err", err)
		}
	}
}
