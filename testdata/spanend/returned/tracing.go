// Package returned is a request-tracing layer that hands spans to its caller:
// returned directly, in a struct, through a closure, or stored in fields,
// maps, slices and channels. None of these is a leak of this function.
package returned

import (
	"context"
	"errors"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("gateway")

// StartRequest returns the span: the caller ends it.
func StartRequest(ctx context.Context, route string) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, "request")
	span.AddEvent(route)
	return ctx, span
}

// StartRequestDirect returns the Start call itself.
func StartRequestDirect(ctx context.Context) (context.Context, trace.Span) {
	return tracer.Start(ctx, "request")
}

// StartNamed returns the span through a named result and a bare return.
func StartNamed(ctx context.Context) (c context.Context, span trace.Span) {
	c, span = tracer.Start(ctx, "request")
	return
}

// StartChecked returns the span on success but leaks it on the error path.
func StartChecked(ctx context.Context, route string) (context.Context, trace.Span, error) {
	ctx, span := tracer.Start(ctx, "request") // want `span "request" started here is not ended on the path through the return at line 39; add defer span.End\(\) \(spanend/not-ended\)`
	if route == "" {
		return ctx, nil, errors.New("no route")
	}
	return ctx, span, nil
}

// Op bundles a span with its operation.
type Op struct {
	Span trace.Span
	Name string
}

// StartOp returns the span inside a struct.
func StartOp(ctx context.Context, name string) *Op {
	_, span := tracer.Start(ctx, name)
	return &Op{Span: span, Name: name}
}

// StartOpValue returns the span inside a struct built first.
func StartOpValue(ctx context.Context, name string) Op {
	_, span := tracer.Start(ctx, name)
	op := Op{Span: span, Name: name}
	return op
}

// StartWithEnd returns a closure that ends the span.
func StartWithEnd(ctx context.Context) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, "request")
	return ctx, func() { span.End() }
}

// StartWithEndMethod returns the span's End method value.
func StartWithEndMethod(ctx context.Context) (context.Context, func(...trace.SpanEndOption)) {
	ctx, span := tracer.Start(ctx, "request")
	return ctx, span.End
}

// Registry keeps spans in flight.
type Registry struct {
	mu      sync.Mutex
	current trace.Span
	byID    map[string]trace.Span
	all     []trace.Span
	done    chan trace.Span
}

// Track stores the span in a field.
func (r *Registry) Track(ctx context.Context) {
	_, span := tracer.Start(ctx, "tracked")
	r.mu.Lock()
	r.current = span
	r.mu.Unlock()
}

// TrackDirect assigns the Start result straight to a field.
func (r *Registry) TrackDirect(ctx context.Context) {
	_, r.current = tracer.Start(ctx, "tracked")
}

// TrackByID stores the span in a map.
func (r *Registry) TrackByID(ctx context.Context, id string) {
	_, span := tracer.Start(ctx, "tracked")
	r.byID[id] = span
}

// TrackAll appends the span to a slice.
func (r *Registry) TrackAll(ctx context.Context) {
	_, span := tracer.Start(ctx, "tracked")
	r.all = append(r.all, span)
}

// TrackAsync sends the span on a channel.
func (r *Registry) TrackAsync(ctx context.Context) {
	_, span := tracer.Start(ctx, "tracked")
	r.done <- span
}

// current is a package-level span.
var current trace.Span

// TrackGlobal assigns the span to a package-level variable.
func TrackGlobal(ctx context.Context) {
	_, current = tracer.Start(ctx, "global")
}

// TrackLocalOnly keeps the span in a local struct that never leaves.
func TrackLocalOnly(ctx context.Context) int {
	_, span := tracer.Start(ctx, "local") // want `span "local" started here is not ended on the path through the return at line 127; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("local")
	return 1
}

// TraceID returns a value read from the span, not the span: it leaks.
func TraceID(ctx context.Context) string {
	_, span := tracer.Start(ctx, "probe") // want `span "probe" started here is not ended on the path through the return at line 133; add defer span.End\(\) \(spanend/not-ended\)`
	return span.SpanContext().TraceID().String()
}

// wrap puts the span into an Op: a same-package helper that keeps the span.
func wrap(span trace.Span) *Op { return &Op{Span: span} }

// StartWrapped returns the span through a same-package helper.
func StartWrapped(ctx context.Context) *Op {
	_, span := tracer.Start(ctx, "wrapped")
	return wrap(span)
}
