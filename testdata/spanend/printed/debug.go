// Package printed is a debug endpoint that prints or logs its span: a
// standard-library function taking any cannot end the span, so the span is
// still this function's to end.
package printed

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"sync"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("debug")

// Dump prints the span and forgets to end it.
func Dump(ctx context.Context) {
	_, span := tracer.Start(ctx, "Dump") // want `span "Dump" started here is not ended on the path that reaches the end of the function at line 22; add defer span.End\(\) \(spanend/not-ended\)`
	fmt.Println("debug span:", span)
}

// Describe formats the span into a string and logs it, never ending it.
func Describe(ctx context.Context, l *log.Logger) string {
	_, span := tracer.Start(ctx, "Describe") // want `span "Describe" started here is not ended on the path through the return at line 29; add defer span.End\(\) \(spanend/not-ended\)`
	l.Printf("span %v", span)
	slog.Info("describing", "span", span)
	return fmt.Sprintf("%v", span)
}

// DumpEnded prints the span and ends it.
func DumpEnded(ctx context.Context) {
	_, span := tracer.Start(ctx, "Dump")
	defer span.End()
	fmt.Println("debug span:", span)
}

// active holds spans that a later request ends: storing one in a sync.Map
// hands it over.
var active sync.Map

// Begin parks the span for the request that ends it.
func Begin(ctx context.Context, id string) {
	_, span := tracer.Start(ctx, "Session")
	active.Store(id, span)
}

type spanKey struct{}

// Carry puts the span into a context value for the code that ends it.
func Carry(ctx context.Context) context.Context {
	_, span := tracer.Start(ctx, "Carried")
	return context.WithValue(ctx, spanKey{}, span)
}
