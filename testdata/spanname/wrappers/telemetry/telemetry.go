// Package telemetry is the service's in-house tracing helper.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("shop")

// StartSpan starts a span named name with attributes.
func StartSpan(ctx context.Context, name string, attrs ...attribute.KeyValue) (context.Context, trace.Span) {
	return tracer.Start(ctx, name, trace.WithAttributes(attrs...))
}

// Span starts a span and returns only the span.
func Span(ctx context.Context, name string) trace.Span {
	_, span := tracer.Start(ctx, name)
	return span
}
