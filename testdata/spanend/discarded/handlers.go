// Package discarded is a set of gRPC-style handlers that throw away the span
// returned by Start, or hand it on through the context.
package discarded

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("rpc")

func call(ctx context.Context) error { return nil }

// Ping throws the span away and uses only the context.
func Ping(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "Ping") // want `span "Ping" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
	return call(ctx)
}

// PingEnded keeps the span and ends it.
func PingEnded(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "Ping")
	defer span.End()
	return call(ctx)
}

// Fire ignores both results.
func Fire(ctx context.Context) {
	tracer.Start(ctx, "Fire") // want `span "Fire" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
}

// FireBoth assigns both results to blank.
func FireBoth(ctx context.Context) {
	_, _ = tracer.Start(ctx, "Fire") // want `span "Fire" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
}

// TagRPC starts the span and returns the context: a later callback ends it
// with trace.SpanFromContext (otelgrpc's stats handler works this way).
func TagRPC(ctx context.Context, method string) context.Context {
	ctx, _ = tracer.Start(ctx, method)
	return ctx
}

// HandleRPC ends the span handed over through the context.
func HandleRPC(ctx context.Context) {
	trace.SpanFromContext(ctx).End()
}

// Stream keeps the context in a field for the stream's later events.
type Stream struct{ ctx context.Context }

// Open stores the context in a field.
func (s *Stream) Open(ctx context.Context) {
	ctx, _ = tracer.Start(ctx, "Stream")
	s.ctx = ctx
}

// OpenDirect assigns the context straight into the field.
func (s *Stream) OpenDirect(ctx context.Context) {
	s.ctx, _ = tracer.Start(ctx, "Stream")
}

// Close ends the span of the stream's context.
func (s *Stream) Close() {
	span := trace.SpanFromContext(s.ctx)
	span.End()
}

// Publish sends the context on a channel to the goroutine that ends it.
func Publish(ctx context.Context, out chan<- context.Context) {
	ctx, _ = tracer.Start(ctx, "Publish")
	out <- ctx
}

// Local ends the discarded span from its context in the same function.
func Local(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "Local")
	defer trace.SpanFromContext(ctx).End()
	return call(ctx)
}

// LocalVar ends the discarded span through a variable.
func LocalVar(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "Local")
	span := trace.SpanFromContext(ctx)
	defer span.End()
	return call(ctx)
}

// Passed only passes the context to a call: not an escape.
func Passed(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "Passed") // want `span "Passed" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
	return call(ctx)
}

// Annotated reads the span from the context but does not end it.
func Annotated(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "Annotated") // want `span "Annotated" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
	trace.SpanFromContext(ctx).AddEvent("annotated")
	return call(ctx)
}

// FromContext annotates the caller's span: nothing to end here.
func FromContext(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	span.AddEvent("seen")
}

// WithRequest hands the span on through the request it returns.
func WithRequest(r *http.Request) *http.Request {
	ctx, _ := tracer.Start(r.Context(), "WithRequest")
	r = r.WithContext(ctx)
	return r
}

// Derived returns a context derived from the span's context.
func Derived(ctx context.Context) context.Context {
	spanCtx, _ := tracer.Start(ctx, "Derived")
	out := context.WithValue(spanCtx, ctxKey{}, "v")
	return out
}

type ctxKey struct{}

// DerivedLocal derives a context that stays local.
func DerivedLocal(ctx context.Context) error {
	spanCtx, _ := tracer.Start(ctx, "DerivedLocal") // want `span "DerivedLocal" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
	inner := context.WithValue(spanCtx, ctxKey{}, "v")
	return call(inner)
}

// Middleware starts the request's span, carries it on in the request, and
// ends it from the request's context once the handler is done.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, _ := tracer.Start(r.Context(), "request")
		r = r.WithContext(ctx)
		next.ServeHTTP(w, r)
		trace.SpanFromContext(r.Context()).End()
	})
}

// MiddlewareLeak carries the span on in the request but nothing ends it.
func MiddlewareLeak(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, _ := tracer.Start(r.Context(), "request") // want `span "request" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
		r = r.WithContext(ctx)
		next.ServeHTTP(w, r)
		trace.SpanFromContext(r.Context()).AddEvent("served")
	})
}
