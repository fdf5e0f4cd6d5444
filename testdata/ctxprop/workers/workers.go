// Package workers runs periodic jobs. A job that starts every tick from
// context.Background() is cut off from the worker's lifetime and trace.
package workers

import (
	"context"
	"log/slog"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("workers")

type Job interface {
	Run(ctx context.Context) error
}

type Worker struct {
	job      Job
	interval time.Duration
	log      *slog.Logger
}

// Loop creates a fresh root per tick: shutdown does not reach the job.
func (w *Worker) Loop(ctx context.Context) {
	ticker := time.NewTicker(w.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			jobCtx, cancel := context.WithTimeout(context.Background(), w.interval) // want `context\.Background\(\) starts a new root context on every iteration of this loop; derive it from ctx \(parameter of Loop\): context\.WithTimeout\(ctx, \.\.\.\) \(ctxprop/loop\)`
			_ = w.job.Run(jobCtx)
			cancel()
		}
	}
}

// LoopOK derives each tick's context from the root.
func (w *Worker) LoopOK(ctx context.Context) {
	ticker := time.NewTicker(w.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			jobCtx, cancel := context.WithTimeout(ctx, w.interval)
			_ = w.job.Run(jobCtx)
			cancel()
		}
	}
}

// Range ranges over the ticker channel.
func (w *Worker) Range(ctx context.Context, ticker *time.Ticker) {
	for range ticker.C {
		_, span := tracer.Start(context.TODO(), "tick") // want `context\.TODO\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of Range\) or a context derived from it \(ctxprop/loop\)`
		span.End()
	}
}

func (w *Worker) RangeOK(ctx context.Context, ticker *time.Ticker) {
	for range ticker.C {
		_, span := tracer.Start(ctx, "tick")
		span.End()
	}
}

// Start owns the worker's root context; the loop goroutine captures it.
// That root is itself empty (context.Background() and nothing added), so a
// fresh root per tick loses no trace: not reported, as for ctxless calls.
func (w *Worker) Start() (stop func()) {
	root, cancel := context.WithCancel(context.Background())
	go func() {
		t := time.NewTicker(w.interval)
		defer t.Stop()
		for {
			select {
			case <-root.Done():
				return
			case <-t.C:
				_ = w.job.Run(context.Background())
			}
		}
	}()
	return cancel
}

func (w *Worker) StartOK() (stop func()) {
	root, cancel := context.WithCancel(context.Background())
	go func() {
		t := time.NewTicker(w.interval)
		defer t.Stop()
		for {
			select {
			case <-root.Done():
				return
			case <-t.C:
				_ = w.job.Run(root)
			}
		}
	}()
	return cancel
}

// Batch processes items; each gets its own fresh root.
func (w *Worker) Batch(ctx context.Context, jobs []Job) {
	for _, j := range jobs {
		jctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context\.Background\(\) starts a new root context on every iteration of this loop; derive it from ctx \(parameter of Batch\): context\.WithTimeout\(ctx, \.\.\.\) \(ctxprop/loop\)`
		_ = j.Run(jctx)
		cancel()
	}
}

// Poll has no root context: a fresh one per tick is all there is.
func (w *Worker) Poll(ticker *time.Ticker) {
	for range ticker.C {
		ctx, cancel := context.WithTimeout(context.Background(), w.interval)
		_ = w.job.Run(ctx)
		cancel()
	}
}

// PerIteration declares the context inside the loop: the first fresh root
// is fine (nothing reachable yet), and so is the second — the only context
// at hand is another empty root, there is no trace to lose.
func (w *Worker) PerIteration(ticker *time.Ticker) {
	for range ticker.C {
		ctx := context.Background()
		_ = w.job.Run(ctx)
		_ = w.job.Run(context.Background())
	}
}

// Traced starts a span per tick, then runs the job outside of it.
func (w *Worker) Traced(ticker *time.Ticker) {
	for range ticker.C {
		ctx, span := tracer.Start(context.Background(), "tick")
		_ = w.job.Run(context.Background()) // want `use ctx \(local variable of Traced\) instead of context\.Background\(\) \(ctxprop/background\)`
		_ = ctx
		span.End()
	}
}

// TracedOK is the clean twin.
func (w *Worker) TracedOK(ticker *time.Ticker) {
	for range ticker.C {
		ctx, span := tracer.Start(context.Background(), "tick")
		_ = w.job.Run(ctx)
		span.End()
	}
}

// Retry keeps the root for the retries' deadline: clean.
func (w *Worker) Retry(ctx context.Context, attempts int) error {
	var err error
	for i := 0; i < attempts; i++ {
		actx, cancel := context.WithTimeout(ctx, w.interval)
		err = w.job.Run(actx)
		cancel()
		if err == nil {
			return nil
		}
		w.log.WarnContext(ctx, "retrying", "attempt", i)
	}
	return err
}

// Condition: the fresh root in the loop header is evaluated per iteration
// too, but it is not in the body; it is still a plain finding.
func (w *Worker) Condition(ctx context.Context) {
	for w.job.Run(context.Background()) != nil { // want `use ctx \(parameter of Condition\) instead of context\.Background\(\) \(ctxprop/background\)`
		time.Sleep(w.interval)
	}
}
