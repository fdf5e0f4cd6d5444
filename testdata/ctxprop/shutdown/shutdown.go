// Package shutdown runs a server until it is told to stop, then flushes
// telemetry. Shutdown timeouts start from a fresh root on purpose: the
// run context is already cancelled when they are needed.
package shutdown

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type App struct {
	srv *http.Server
	tp  *sdktrace.TracerProvider
}

// Run waits for the context, then shuts the server and the tracer provider
// down with fresh timeouts.
func (a *App) Run(ctx context.Context) error {
	go func() { _ = a.srv.ListenAndServe() }()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	flushCtx, cancelFlush := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancelFlush()
	return a.tp.Shutdown(flushCtx)
}

// Signals handles SIGTERM in a goroutine.
func (a *App) Signals(ctx context.Context) {
	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigCh
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = a.tp.ForceFlush(sctx)
		_ = a.srv.Shutdown(sctx)
	}()
	<-ctx.Done()
}

// Deferred cleanup may run after ctx is cancelled.
func (a *App) Serve(ctx context.Context) error {
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = a.tp.Shutdown(c)
	}()
	defer a.tp.Shutdown(context.Background())
	return a.srv.ListenAndServe()
}

// Direct passes the fresh root straight to Shutdown.
func (a *App) Direct(ctx context.Context) error {
	<-ctx.Done()
	return a.srv.Shutdown(context.Background())
}

// Cleanup returned by a set-up function is called with a fresh timeout.
func Setup(ctx context.Context) (cleanup func(context.Context) error, err error) {
	tp := sdktrace.NewTracerProvider()
	return tp.Shutdown, nil
}

func (a *App) Main(ctx context.Context) error {
	cleanup, err := Setup(ctx)
	if err != nil {
		return err
	}
	<-ctx.Done()
	cctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return cleanup(cctx)
}

// Drain is not a shutdown: the timeout is for regular work and should
// derive from ctx.
func (a *App) Drain(ctx context.Context, work func(context.Context) error) error {
	wctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `use ctx \(parameter of Drain\) instead of context\.Background\(\), or context\.WithoutCancel\(ctx\) if the work must outlive it \(ctxprop/background\)`
	defer cancel()
	return work(wctx)
}

// DrainOK is the clean twin.
func (a *App) DrainOK(ctx context.Context, work func(context.Context) error) error {
	wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return work(wctx)
}

// Restart uses a fresh root for a new server's lifetime; it is not a
// shutdown, so it is reported.
func (a *App) Restart(ctx context.Context) error {
	if err := a.srv.Shutdown(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	start, cancel := context.WithCancel(context.Background()) // want `use ctx \(parameter of Restart\) instead of context\.Background\(\), or context\.WithoutCancel\(ctx\) if the work must outlive it \(ctxprop/background\)`
	defer cancel()
	return a.serve(start)
}

func (a *App) serve(ctx context.Context) error { return ctx.Err() }

// Resources are what an execution leaves behind in the cluster.
type Resources interface {
	Destroy(ctx context.Context, id string) error
}

// Finish saves an execution's result and then destroys its resources, even
// when the monitoring context was cancelled meanwhile.
func Finish(ctx context.Context, res Resources, id string, save func(context.Context) error) error {
	if err := save(ctx); err != nil {
		return err
	}
	return res.Destroy(context.Background(), id)
}
