// Package noreturn is a command-line tool whose paths end in calls that never
// return: those paths do not leak a span.
package noreturn

import (
	"context"
	"fmt"
	"log"
	"os"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("cli")

func run(ctx context.Context) error { return nil }

// Main exits on error without ending the span: the process is gone.
func Main(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "main")
	if err := run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	span.End()
}

// MustRun logs fatally.
func MustRun(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "MustRun")
	if err := run(ctx); err != nil {
		log.Fatalf("run: %v", err)
	}
	span.End()
}

// Panics panics on error.
func Panics(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "Panics")
	if err := run(ctx); err != nil {
		panic(err)
	}
	span.End()
}

// die never returns.
func die(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format, args...)
	os.Exit(2)
}

// WithDie ends a path in a same-package function that never returns.
func WithDie(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "WithDie")
	if err := run(ctx); err != nil {
		die("run: %v", err)
	}
	span.End()
}

// warn returns.
func warn(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format, args...)
}

// WithWarn only warns: the path goes on and the span leaks at the return.
func WithWarn(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "WithWarn") // want `span "WithWarn" started here is not ended on the path through the return at line 71; add defer span.End\(\) \(spanend/not-ended\)`
	if err := run(ctx); err != nil {
		warn("run: %v", err)
		return err
	}
	span.End()
	return nil
}

// Serve loops forever: there is no return to leak through.
func Serve(ctx context.Context, reqs <-chan string) {
	ctx, span := tracer.Start(ctx, "serve")
	for {
		r := <-reqs
		span.AddEvent(r)
		_ = run(ctx)
	}
}
