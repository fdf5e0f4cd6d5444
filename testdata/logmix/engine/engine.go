// Package engine starts a job engine's components and runs them until the
// process's context ends. A function that blocks until its context is done
// runs for that context's lifetime: its logs are the component's start and
// stop, and have no request's trace to carry. A call that waits once for a
// reply, or a request that watches its own cancellation, is still
// reported.
package engine

import (
	"context"
	"log/slog"
	"time"
)

// Component is one part of the engine.
type Component interface {
	Start(ctx context.Context) error
	Stop() error
}

// Run starts the components and stops them when ctx ends.
func Run(ctx context.Context, logger *slog.Logger, parts []Component) error {
	for _, p := range parts {
		if err := p.Start(ctx); err != nil {
			return err
		}
	}
	logger.Info("engine started", "components", len(parts)) // ok: the engine's lifetime
	<-ctx.Done()
	logger.Info("engine stopping") // ok: the engine's lifetime
	for _, p := range parts {
		_ = p.Stop()
	}
	return nil
}

// Poller polls for due jobs until ctx ends.
type Poller struct {
	logger *slog.Logger
	wake   chan struct{}
	poll   func(context.Context) (int, error)
}

// Run polls whenever woken, or every minute.
func (p *Poller) Run(ctx context.Context) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			p.logger.Info("poller stopped") // ok: the poller's lifetime
			return
		case <-p.wake:
		case <-ticker.C:
		}
		p.pollOnce(ctx)
	}
}

// pollOnce is one poll, on the poller's context.
func (p *Poller) pollOnce(ctx context.Context) {
	n, err := p.poll(ctx)
	if err != nil {
		p.logger.Error("poll failed", "err", err) // ok: the poller's lifetime, handed down
		return
	}
	p.logger.Debug("polled", "jobs", n) // ok: the poller's lifetime, handed down
}

// Client talks to the engine.
type Client struct {
	logger  *slog.Logger
	replies chan string
}

// WaitReply waits once for the engine's reply to the caller's request.
func (c *Client) WaitReply(ctx context.Context, id string) (string, error) {
	c.logger.Debug("waiting for reply", "id", id) // want `^c\.logger\.Debug drops the context although ctx \(parameter of WaitReply\) is in scope: use DebugContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case r := <-c.replies:
		return r, nil
	}
}

// Submit sends a job and watches the caller's cancellation while it runs.
func (c *Client) Submit(ctx context.Context, job string, send func(string) error) error {
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
		case <-done:
		}
	}()
	if err := send(job); err != nil {
		c.logger.Error("submit failed", "job", job) // want `^c\.logger\.Error drops the context although ctx \(parameter of Submit\) is in scope: use ErrorContext\(ctx, \.\.\.\)`
		return err
	}
	return nil
}

// retryEach runs work on each item, warning about the failures. The
// package calls it with a root context, but also hands it out as a value:
// callers out of sight may give it a request's context.
func retryEach[T any](ctx context.Context, items []T, work func(context.Context, T) error) {
	for _, it := range items {
		if err := work(ctx, it); err != nil {
			slog.Warn("work failed", "item", it) // want `^slog\.Warn drops the context although ctx \(parameter of retryEach\) is in scope: use WarnContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
		}
	}
}

// RetryNames is retryEach for names, for other packages.
var RetryNames = retryEach[string]

// WarmUp touches the engine's caches at start-up.
func WarmUp(keys []string, touch func(context.Context, string) error) {
	retryEach(context.Background(), keys, touch)
}
