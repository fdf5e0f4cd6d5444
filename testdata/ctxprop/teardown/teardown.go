// Package teardown starts and stops the components of an ingester. A
// component started with the caller's context would stop when the caller
// returns, and a stop must not depend on a context that is ending: their
// fresh roots are deliberate. Business calls that only sound alike are
// still checked.
package teardown

import (
	"context"
	"time"

	"otellint.test/ctxprop/teardown/services"
)

// Lifecycler keeps the instance in the ring until it is stopped.
type Lifecycler struct{}

func (l *Lifecycler) StartAsync(ctx context.Context) error      { return nil }
func (l *Lifecycler) AwaitRunning(ctx context.Context) error    { return nil }
func (l *Lifecycler) StopAsync()                                {}
func (l *Lifecycler) AwaitTerminated(ctx context.Context) error { return nil }

// HealthChecker probes a sidecar in the background until Stop.
type HealthChecker struct{ stop chan struct{} }

func (h *HealthChecker) Start(ctx context.Context) { go func() { <-ctx.Done() }() }
func (h *HealthChecker) Stop()                     { close(h.stop) }

// Exporter has a Start but nothing stops it: it is a one-off job.
type Exporter struct{}

func (e *Exporter) Start(ctx context.Context) error { return ctx.Err() }

// Tickets is a repository; closing a ticket is business, not teardown.
type Tickets struct{}

func (t *Tickets) CloseTicket(ctx context.Context, id string) error { return nil }

type Ingester struct {
	lifecycler *Lifecycler
	health     *HealthChecker
	exporter   *Exporter
	tickets    *Tickets
}

// starting starts the lifecycler with a context of its own: it must keep
// running after starting returns.
func (i *Ingester) starting(ctx context.Context) error {
	if err := i.lifecycler.StartAsync(context.Background()); err != nil {
		return err
	}
	if err := services.StartAndAwaitRunning(context.Background(), i.lifecycler); err != nil {
		return err
	}
	i.health.Start(context.Background())
	return i.lifecycler.AwaitRunning(ctx)
}

// stopping stops the lifecycler under a fresh timeout.
func (i *Ingester) stopping(ctx context.Context) error {
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return services.StopAndAwaitTerminated(sctx, i.lifecycler)
}

// export runs a one-off job: its Start is no component's, so the fresh
// root loses the trace.
func (i *Ingester) export(ctx context.Context) error {
	return i.exporter.Start(context.Background()) // want `use ctx \(parameter of export\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// resolve closes a ticket for a request: reported.
func (i *Ingester) resolve(ctx context.Context, id string) error {
	return i.tickets.CloseTicket(context.Background(), id) // want `use ctx \(parameter of resolve\) instead of context\.Background\(\) \(ctxprop/background\)`
}
