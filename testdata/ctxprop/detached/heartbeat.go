package detached

import (
	"context"
	"time"
)

// Marker records which worker owns a compaction job.
type Marker struct {
	store  Store
	job    string
	status string
}

// Store persists markers.
type Store interface {
	Put(ctx context.Context, key, value string) error
	Delete(ctx context.Context, key string) error
}

// Heartbeat refreshes the marker until the job ends or ctx is cancelled.
// The marker is deleted on the way out, on every way out: after a
// cancellation too, so ctx cannot be used for it.
func (m *Marker) Heartbeat(ctx context.Context, done <-chan error, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
beat:
	for {
		_ = m.store.Put(ctx, m.job, "in-progress")
		select {
		case <-ctx.Done():
			break beat
		case <-t.C:
		case err := <-done:
			if err != nil {
				m.status = "failed"
			}
			break beat
		}
	}
	_ = m.store.Delete(context.Background(), m.job)
}

// Drain hands out jobs while ctx lives, then gives back the lease it holds.
func (m *Marker) Drain(ctx context.Context, next func(context.Context) bool) {
	for ctx.Err() == nil {
		if !next(ctx) {
			time.Sleep(time.Second)
		}
	}
	_ = m.store.Delete(context.Background(), m.job+"/lease")
}

// Poll stops polling when ctx is cancelled by returning, so the code after
// the loop only runs with ctx alive.
func (m *Marker) Poll(ctx context.Context, ready func() bool) error {
	for {
		if ready() {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return m.store.Put(context.Background(), m.job, "ready") // want `^use ctx \(parameter of Poll\) instead of context\.Background\(\) \(ctxprop/background\)$`
}
