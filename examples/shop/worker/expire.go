// Package worker runs periodic maintenance jobs.
package worker

import (
	"context"
	"log/slog"
	"time"
)

// Expirer is what the worker needs from the order repository.
type Expirer interface {
	ExpireCarts(ctx context.Context, olderThanMinutes int) (int64, error)
}

// Worker expires abandoned carts on a ticker.
type Worker struct {
	repo  Expirer
	every time.Duration
}

// New returns a Worker.
func New(repo Expirer, every time.Duration) *Worker { return &Worker{repo: repo, every: every} }

// Run expires carts until ctx is cancelled.
func (w *Worker) Run(ctx context.Context) {
	ticker := time.NewTicker(w.every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			jobCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // MISTAKE(ctxprop): derive the job's context from ctx
			n, err := w.repo.ExpireCarts(jobCtx, 60)
			cancel()
			if err != nil {
				slog.ErrorContext(ctx, "expiring carts failed", "error", err)
				continue
			}
			slog.InfoContext(ctx, "expired carts", "count", n)
		}
	}
}
