package consumers

import (
	"context"
	"sync"
	"time"
)

// Segments flushes each shard's buffered writes on a timer. Every shard's
// loop runs on a goroutine of its own, started inside a literal that also
// marks it done: each tick is a periodic flush with no caller to trace.
type Segments struct {
	ctx   context.Context
	store Store
	every time.Duration
	wg    sync.WaitGroup
}

func (s *Segments) startShard() {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.shardLoop(s.ctx)
	}()
}

func (s *Segments) shardLoop(ctx context.Context) {
	ticker := time.NewTicker(s.every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			_ = s.store.Reload(context.Background())
		}
	}
}

// Drain runs a shard's loop in the caller's own goroutine, as a test or a
// shutdown does: its ticks are the caller's work.
func (s *Segments) Drain(ctx context.Context) {
	s.drainLoop(ctx)
}

func (s *Segments) drainLoop(ctx context.Context) {
	ticker := time.NewTicker(s.every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			_ = s.store.Reload(context.Background()) // want `context\.Background\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of drainLoop\) or a context derived from it \(ctxprop/loop\)`
		}
	}
}
