// Package generics is a generic cache whose traced loaders are generic
// functions and methods.
package generics

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("cache")

// Load runs a generic loader under a span and leaks it on error.
func Load[T any](ctx context.Context, key string, load func(context.Context, string) (T, error)) (T, error) {
	ctx, span := tracer.Start(ctx, "cache.Load") // want `span "cache.Load" started here is not ended on the path through the return at line 20; add defer span.End\(\) \(spanend/not-ended\)`
	v, err := load(ctx, key)
	if err != nil {
		var zero T
		return zero, err
	}
	span.End()
	return v, nil
}

// LoadDeferred is the same loader with defer.
func LoadDeferred[T any](ctx context.Context, key string, load func(context.Context, string) (T, error)) (T, error) {
	ctx, span := tracer.Start(ctx, "cache.Load")
	defer span.End()
	return load(ctx, key)
}

// Cache is a generic cache with a tracer of any Tracer type.
type Cache[K comparable, V any, TR trace.Tracer] struct {
	tracer TR
	items  map[K]V
}

// Get starts the span through a type-parameter tracer and leaks it on a miss.
func (c *Cache[K, V, TR]) Get(ctx context.Context, k K) (V, bool) {
	_, span := c.tracer.Start(ctx, "cache.Get") // want `span "cache.Get" started here is not ended on the path through the return at line 44; add defer span.End\(\) \(spanend/not-ended\)`
	v, ok := c.items[k]
	if !ok {
		return v, false
	}
	span.End()
	return v, true
}

// Put ends its span with a generic helper.
func (c *Cache[K, V, TR]) Put(ctx context.Context, k K, v V) {
	_, span := c.tracer.Start(ctx, "cache.Put")
	c.items[k] = v
	finish(span, k)
}

// finish ends the span it is given.
func finish[S trace.Span, K comparable](s S, k K) {
	s.AddEvent("done")
	s.End()
}

// annotate only annotates the span.
func annotate[S trace.Span](s S) {
	s.AddEvent("annotated")
}

// Delete annotates through a generic helper that does not end the span.
func (c *Cache[K, V, TR]) Delete(ctx context.Context, k K) {
	_, span := c.tracer.Start(ctx, "cache.Delete") // want `span "cache.Delete" started here is not ended on the path that reaches the end of the function at line 73; add defer span.End\(\) \(spanend/not-ended\)`
	delete(c.items, k)
	annotate(span)
}
