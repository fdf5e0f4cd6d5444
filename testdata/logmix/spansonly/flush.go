package spansonly

import (
	"context"
	"log/slog"
	"sync"

	"go.opentelemetry.io/otel/trace"
)

// Batcher writes buffered orders to storage; the flush is traced from the
// point it takes the lock.
type Batcher struct {
	mu     sync.Mutex
	logger *slog.Logger
	buf    []string
	write  func(context.Context, []string) error
}

// flush is handed the batcher's own run context, which carries no trace
// until the flush starts its span.
func (b *Batcher) flush(ctx context.Context) error {
	if len(b.buf) == 0 {
		b.logger.Debug("nothing to flush") // ok: no span in ctx yet
		return nil
	}
	b.logger.Debug("taking the flush lock") // ok: no span in ctx yet
	b.mu.Lock()
	defer func() {
		b.mu.Unlock()
		b.logger.Debug("flush lock released") // want `^b\.logger\.Debug drops the context although ctx \(parameter of flush\) is in scope: use DebugContext\(ctx, \.\.\.\)`
	}()

	ctx, span := tracer.Start(ctx, "flush")
	defer span.End()
	if err := b.write(ctx, b.buf); err != nil {
		b.logger.Error("flush failed", "orders", len(b.buf)) // want `^b\.logger\.Error drops the context although ctx \(parameter of flush\) is in scope: use ErrorContext\(ctx, \.\.\.\)`
		return err
	}
	b.buf = b.buf[:0]
	return nil
}

// drain flushes in rounds; from the second round on, ctx holds the span
// the round before started.
func (b *Batcher) drain(ctx context.Context, rounds int) {
	for i := 0; i < rounds; i++ {
		b.logger.Info("draining", "round", i) // want `^b\.logger\.Info drops the context although ctx \(parameter of drain\) is in scope: use InfoContext\(ctx, \.\.\.\)`
		var span trace.Span
		ctx, span = tracer.Start(ctx, "drain round")
		_ = b.write(ctx, b.buf)
		span.End()
	}
}
