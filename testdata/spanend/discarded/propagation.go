package discarded

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// remoteParent builds a context holding a span of a noop tracer, as
// propagation tests do to check what is injected: a noop span holds nothing,
// so throwing it away leaks nothing.
func remoteParent(ctx context.Context, sc trace.SpanContext, r *http.Request) {
	provider := noop.NewTracerProvider()
	ctx = trace.ContextWithRemoteSpanContext(ctx, sc)
	ctx, _ = provider.Tracer("test").Start(ctx, "test")
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(r.Header))
}

// injectOnly throws away a span of a noop tracer built in place.
func injectOnly(ctx context.Context, r *http.Request) {
	ctx, _ = noop.NewTracerProvider().Tracer("test").Start(ctx, "test")
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(r.Header))
}

// injectReal throws away a span of whatever tracer it is given.
func injectReal(ctx context.Context, tp trace.TracerProvider, r *http.Request) {
	ctx, _ = tp.Tracer("test").Start(ctx, "test") // want `span "test" started here is discarded, so it can never be ended; assign it \(ctx, span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(r.Header))
}
