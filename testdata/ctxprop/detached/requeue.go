package detached

import (
	"context"
	"sync"
)

// Batcher commits a batch of offsets and, when the batch filled up,
// commits again from a goroutine that its author documents as decoupled
// from the request that triggered it.
type Batcher struct {
	c  Committer
	mu sync.Mutex
	n  int
}

// Commit commits the offsets of one request.
func (b *Batcher) Commit(ctx context.Context, offsets []int64) error {
	var wg sync.WaitGroup
	for _, o := range offsets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = b.c.Commit(ctx, o)
		}()
	}
	go func() { // re-commit loop, intentionally decoupled from the caller's context
		wg.Wait()
		b.mu.Lock()
		full := b.n == len(offsets)
		b.mu.Unlock()
		if full {
			_ = b.c.Commit(context.Background(), offsets[len(offsets)-1])
		}
	}()
	go func() {
		wg.Wait()
		_ = b.c.Commit(context.Background(), 0) // want `goroutine starts from context\.Background\(\) and loses the trace of ctx \(parameter of Commit\)`
	}()
	return nil
}

// Enqueue validates the request under ctx, then commits the batch: once
// the commit has begun it must finish, so it runs on a root of its own.
func (b *Batcher) Enqueue(ctx context.Context, offsets []int64) error {
	for _, o := range offsets {
		if o < 0 {
			return nil
		}
	}

	// From here on the batch is committed even if the caller's context is
	// cancelled:
	// half a batch would leave a gap in the sequence.
	if ctx.Err() != nil {
		return ctx.Err()
	}
	commitCtx := context.Background()
	for _, o := range offsets {
		if err := b.c.Commit(commitCtx, o); err != nil {
			return err
		}
	}

	// Report the last offset.
	if len(offsets) > 0 {
		return b.c.Commit(ctx, offsets[len(offsets)-1])
	}

	return b.c.Commit(context.Background(), 0) // want `use ctx \(parameter of Enqueue\) instead of context\.Background\(\)`
}
