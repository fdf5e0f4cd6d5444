// Package iterators is a block compactor that opens one iterator per input
// block, each under its own span, and reads them all after the loop: the
// spans must stay open until the merge is done, so their End is deferred to
// the function's return on purpose.
package iterators

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("compactor")

type Block struct{ ID string }

type Iterator interface {
	Next(ctx context.Context) (string, bool)
	Close()
}

type bookmark struct{ it Iterator }

// blockIterator reads one block through the context it was opened with.
type blockIterator struct{ ctx context.Context }

func (it *blockIterator) Next(ctx context.Context) (string, bool) { return "", false }
func (it *blockIterator) Close()                                  {}

// Stats is what a block holds.
type Stats struct{ Traces, Bytes int }

func open(ctx context.Context, b Block) (*blockIterator, error) { return &blockIterator{ctx: ctx}, nil }
func stats(ctx context.Context, b Block) (*Stats, error)        { return nil, nil }
func count(ctx context.Context, b Block) (int, error)           { return 0, nil }
func newBookmark(it Iterator) *bookmark                         { return &bookmark{it: it} }

// Compact merges every block's iterator after opening them all.
func Compact(ctx context.Context, blocks []Block) (int, error) {
	var marks []*bookmark
	for _, b := range blocks {
		iterCtx, span := tracer.Start(ctx, "compactor.iterator")
		defer span.End()
		it, err := open(iterCtx, b)
		if err != nil {
			return 0, err
		}
		marks = append(marks, newBookmark(it))
	}
	n := 0
	for _, m := range marks {
		for {
			if _, ok := m.it.Next(ctx); !ok {
				break
			}
			n++
		}
	}
	return n, nil
}

// Sizes only counts each block: the counts are data, nothing reads the
// span's context after the iteration, and the deferred End keeps every
// span open until the function returns.
func Sizes(ctx context.Context, blocks []Block) ([]int, error) {
	var sizes []int
	for _, b := range blocks {
		ctx, span := tracer.Start(ctx, "compactor.size")
		defer span.End() // want `defer span.End\(\) in a loop body runs only when the function returns, so every iteration's span stays open until then; call span.End\(\) at the end of the iteration or move the loop body into a function \(spanend/defer-in-loop\)`
		n, err := count(ctx, b)
		if err != nil {
			return nil, err
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// AllStats keeps each block's statistics: data, not work that goes on with
// the span's context.
func AllStats(ctx context.Context, blocks []Block) ([]*Stats, error) {
	var all []*Stats
	for _, b := range blocks {
		ctx, span := tracer.Start(ctx, "compactor.stats")
		defer span.End() // want `defer span.End\(\) in a loop body runs only when the function returns, so every iteration's span stays open until then; call span.End\(\) at the end of the iteration or move the loop body into a function \(spanend/defer-in-loop\)`
		st, err := stats(ctx, b)
		if err != nil {
			return nil, err
		}
		all = append(all, st)
	}
	return all, nil
}

// Streams hands each block's iterator to the merger over a channel.
func Streams(ctx context.Context, blocks []Block, out chan<- Iterator) error {
	for _, b := range blocks {
		iterCtx, span := tracer.Start(ctx, "compactor.stream")
		defer span.End()
		it, err := open(iterCtx, b)
		if err != nil {
			return err
		}
		out <- it
	}
	return nil
}
