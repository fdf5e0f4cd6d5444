// Package tracing is an in-house tracing wrapper: services start spans
// through it instead of calling a Tracer directly.
package tracing

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("acme")

// StartSpan starts a span named name; the caller ends it.
func StartSpan(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}

// Begin starts a span and returns only the span.
func Begin(ctx context.Context, name string) trace.Span {
	_, span := tracer.Start(ctx, name)
	return span
}

// Tracer is a named tracer of the in-house library.
type Tracer struct{ name string }

// New returns a Tracer.
func New(name string) *Tracer { return &Tracer{name: name} }

// Span starts a span; the caller ends it.
func (t *Tracer) Span(ctx context.Context, op string) (context.Context, trace.Span) {
	return otel.Tracer(t.name).Start(ctx, op)
}

// Annotate is not a start function.
func Annotate(ctx context.Context, key, value string) context.Context { return ctx }
