package detached

import (
	"context"
	"errors"
)

// ConnStore keeps the state of workers' connections.
type ConnStore interface {
	Upsert(ctx context.Context, connID, status string) error
	SetCapacity(ctx context.Context, connID string, max int64) error
}

// Gateway accepts workers' connections.
type Gateway struct {
	store ConnStore
}

var errNotStored = errors.New("connection not stored")

// Accept registers a worker after its handshake. The registration is one
// transaction: its block says so, and its fresh contexts are on purpose.
func (g *Gateway) Accept(ctx context.Context, connID string, max int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	{
		// A transactional step: it must complete regardless of context
		// cancellation, or the worker's state is half-written.

		if err := g.store.Upsert(context.Background(), connID, "connected"); err != nil {
			return errNotStored
		}
		if max > 0 {
			if err := g.store.SetCapacity(context.Background(), connID, max); err != nil {
				return err
			}
		}
	}
	return nil
}

// Refresh has a block too, but nothing says why its context is fresh.
func (g *Gateway) Refresh(ctx context.Context, connID string) error {
	{
		// Mark the connection as alive.

		if err := g.store.Upsert(ctx, connID, "alive"); err != nil {
			return err
		}
		return g.store.Upsert(context.Background(), connID, "ready") // want `use ctx \(parameter of Refresh\) instead of context\.Background\(\)`
	}
}

// Job is a unit of work a worker takes from the queue.
type Job struct {
	TraceCtx context.Context
	Run      func(ctx context.Context) error
}

// work takes jobs until ctx is done; each job runs on a context of its own.
func work(ctx context.Context, jobs <-chan Job) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			// A new context that the worker's cancellation, when it quits,
			// does not reach: the job finishes.

			jobCtx := context.Background()
			if j.TraceCtx != nil {
				jobCtx = j.TraceCtx
			}
			_ = j.Run(jobCtx)
		}
	}
}
