// Command loadgen pushes events at a service for a fixed time and reports
// how many went through. Its functions are exported out of habit, but a
// main package is imported by nobody: every call of Push and Wait is in
// this file, and each passes the run's context, which carries a deadline
// and the operator's Ctrl-C but no span. Report is also handed out as a
// callback, so its callers are not all known and it is still reported.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	target := os.Getenv("LOADGEN_TARGET")
	if err := Wait(ctx, target); err != nil {
		slog.Error("target never became ready", "err", err)
		os.Exit(1)
	}
	sent := Push(ctx, target, 50*time.Millisecond)
	afterRun(Report)
	Report(ctx, sent)
}

// Wait polls the target's readiness endpoint until it answers.
func Wait(ctx context.Context, target string) error {
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target+"/ready", nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		slog.Info("waiting for the target", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// Push sends one event per tick until ctx ends.
func Push(ctx context.Context, target string, every time.Duration) int {
	sent := 0
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return sent
		case <-tick.C:
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, target+"/events", strings.NewReader(`{}`))
			if err != nil {
				return sent
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				slog.Warn("event not sent", "err", err)
				continue
			}
			resp.Body.Close()
			sent++
		}
	}
}

// Report prints the result of the run.
func Report(ctx context.Context, sent int) {
	slog.Info("run finished", "sent", sent) // want `^slog\.Info drops the context although ctx \(parameter of Report\) is in scope`
}

var hooks []func(context.Context, int)

func afterRun(f func(context.Context, int)) { hooks = append(hooks, f) }
