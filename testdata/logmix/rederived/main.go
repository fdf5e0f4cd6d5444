// Command rederived is a queue consumer whose main builds one root context
// and then re-derives it in place: first a signal context, then a start-up
// deadline assigned back to the same variable. None of them carries a span,
// so slog calls without them lose nothing. A context that may be replaced by
// one from a message still carries its trace.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type message struct {
	ctx  context.Context
	body []byte
}

func main() {
	ctx := context.Background()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	var cancel context.CancelFunc
	ctx, cancel = context.WithTimeout(ctx, time.Minute)
	declareQueues(ctx)
	if err := connect(ctx); err != nil {
		slog.Error("connecting to the broker", "error", err)
		cancel()
		os.Exit(1)
	}
	cancel()

	var runCtx context.Context
	runCtx = ctx
	runCtx, cancel = context.WithCancel(runCtx)
	defer cancel()
	for msg := range receive(runCtx) {
		handle(msg)
	}
	drain(runCtx)
	onShutdown(ackPending)
	slog.Info("consumer stopped")
}

// handle starts from the root but switches to the message's context, which
// carries the producer's trace.
func handle(msg message) {
	ctx := context.Background()
	if msg.ctx != nil {
		ctx = msg.ctx
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	defer drain(ctx)
	if err := process(ctx, msg.body); err != nil {
		slog.Error("processing message", "error", err) // want `^slog\.Error drops the context although ctx is in scope: use ErrorContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
	}
}

func connect(context.Context) error          { return nil }
func process(context.Context, []byte) error  { return nil }
func receive(context.Context) <-chan message { return nil }

// declareQueues runs once, from main.
func declareQueues(ctx context.Context) {
	for _, q := range []string{"orders", "refunds"} {
		if err := declare(ctx, q); err != nil {
			slog.Warn("declaring queue", "queue", q, "error", err)
		}
	}
}

// drain is called from main and from the message handler.
func drain(ctx context.Context) {
	if err := process(ctx, nil); err != nil {
		slog.Warn("draining", "error", err) // want `^slog\.Warn drops the context although ctx \(parameter of drain\) is in scope: use WarnContext\(ctx, \.\.\.\)`
	}
}

// ackPending is called here with a root context, and handed out as a
// callback that others call with theirs.
func ackPending(ctx context.Context) {
	if err := process(ctx, nil); err != nil {
		slog.Warn("acknowledging", "error", err) // want `^slog\.Warn drops the context although ctx \(parameter of ackPending\) is in scope`
	}
}

func onShutdown(f func(context.Context)) {
	ackPending(context.Background())
	f(context.Background())
}

func declare(context.Context, string) error { return nil }
