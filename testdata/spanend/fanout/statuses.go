// Package fanout updates task statuses one partition per goroutine, each
// under its own span; the goroutines run past the iteration that started
// them, so the spans' End is deferred to the function's return, after the
// group has been waited for.
package fanout

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

var tracer = otel.Tracer("statuses")

const partitions = 4

// group runs functions on goroutines and waits for them, like errgroup.
type group struct {
	wg  sync.WaitGroup
	mu  sync.Mutex
	err error
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.mu.Lock()
			g.err = err
			g.mu.Unlock()
		}
	}()
}

func (g *group) Wait() error { g.wg.Wait(); return g.err }

type Store struct{}

func (s *Store) updatePartition(ctx context.Context, n int) (int, error) { return 0, nil }

// UpdateStatuses runs one goroutine per partition under the partition's span.
func (s *Store) UpdateStatuses(ctx context.Context) (int, error) {
	ctx, span := tracer.Start(ctx, "store.update_statuses")
	defer span.End()

	var (
		g     group
		mu    sync.Mutex
		total int
	)
	for i := 0; i < partitions; i++ {
		pctx, pspan := tracer.Start(ctx, "store.update_statuses.partition")
		defer pspan.End()
		pspan.SetAttributes(attribute.Int("partition", i))

		g.Go(func() error {
			n, err := s.updatePartition(pctx, i)
			if err != nil {
				return err
			}
			mu.Lock()
			total += n
			mu.Unlock()
			return nil
		})
	}
	return total, g.Wait()
}

// Refresh starts a plain goroutine per partition that uses the span.
func (s *Store) Refresh(ctx context.Context) {
	var wg sync.WaitGroup
	for i := range partitions {
		_, pspan := tracer.Start(ctx, "store.refresh.partition")
		defer pspan.End()

		wg.Add(1)
		go func() {
			defer wg.Done()
			pspan.SetAttributes(attribute.Int("partition", i))
		}()
	}
	wg.Wait()
}

// Count does the partitions one after another: nothing outlives an
// iteration, and each span stays open until the function returns.
func (s *Store) Count(ctx context.Context) int {
	total := 0
	for i := range partitions {
		pctx, pspan := tracer.Start(ctx, "store.count.partition")
		defer pspan.End() // want `defer pspan\.End\(\) in a loop body runs only when the function returns`
		n, _ := s.updatePartition(pctx, i)
		total += n
	}
	return total
}

// Notify starts a goroutine per partition that does not touch the span.
func (s *Store) Notify(ctx context.Context) {
	var g group
	for i := range partitions {
		_, pspan := tracer.Start(ctx, "store.notify.partition")
		defer pspan.End() // want `defer pspan\.End\(\) in a loop body runs only when the function returns`
		g.Go(func() error {
			_, err := s.updatePartition(context.Background(), i)
			return err
		})
	}
	_ = g.Wait()
}
