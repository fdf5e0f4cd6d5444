package consumers

import (
	"context"
	"time"
)

type Store interface {
	Reload(ctx context.Context) error
	Status(ctx context.Context, id string) (string, error)
}

type Counter interface {
	Add(ctx context.Context, n int64)
}

// Watcher reloads a store on a timer. Its loop runs in a goroutine of its
// own for the watcher's lifetime: each tick is a periodic job with no
// caller to trace.
type Watcher struct {
	store Store
	polls Counter
	every time.Duration
}

func NewWatcher(ctx context.Context, s Store, polls Counter) *Watcher {
	w := &Watcher{store: s, polls: polls, every: 30 * time.Second}
	go w.watch(ctx)
	return w
}

func (w *Watcher) watch(ctx context.Context) {
	ticker := time.NewTicker(w.every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			_ = w.store.Reload(context.Background())
			w.polls.Add(context.Background(), 1)
		}
	}
}

// StartJanitor runs its loop in a goroutine literal.
func StartJanitor(ctx context.Context, s Store) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Minute):
				_ = s.Reload(context.Background())
			}
		}
	}()
}

// WaitForJob polls for a job's status while its caller waits: the ticks
// are the caller's own work, and the status calls should carry its trace.
func WaitForJob(ctx context.Context, s Store, id string) (string, error) {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-ticker.C:
			st, err := s.Status(context.Background(), id) // want `context\.Background\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of WaitForJob\) or a context derived from it \(ctxprop/loop\)`
			if err != nil || st == "done" {
				return st, err
			}
		}
	}
}
