// Command signalmain runs an slog service whose main derives its contexts
// from context.Background(): a signal context, a shutdown timeout. Those
// carry no span, so slog.Error without them loses nothing; contexts
// derived from a request still carry the trace.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := migrate(ctx); err != nil {
		slog.Error("migrate", "error", err)
		os.Exit(1)
	}
	defer func() {
		// A fresh context: the signal context is already cancelled here.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := flush(ctx); err != nil {
			slog.Error("flush failed", "error", err)
		}
	}()

	startCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := warmUp(startCtx); err != nil {
		slog.Warn("warm-up failed", "error", err)
	}

	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(checkout)}
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Error("http server", "error", err)
	}
}

// checkout bounds the downstream call with a timeout; the derived context
// still carries the request's span.
func checkout(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := warmUp(ctx); err != nil {
		slog.Error("checkout failed", "error", err) // want `^slog\.Error drops the context although ctx is in scope: use ErrorContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	}
}

// retry derives from a context that may be replaced by the caller's.
func retry(parent context.Context, fallback bool) {
	ctx := context.Background()
	if !fallback {
		ctx = parent
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := warmUp(ctx); err != nil {
		slog.Warn("retry failed", "error", err) // want `^slog\.Warn drops the context although ctx is in scope: use WarnContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
	}
}

func migrate(context.Context) error { return nil }
func flush(context.Context) error   { return nil }
func warmUp(context.Context) error  { return nil }

var _ = retry
