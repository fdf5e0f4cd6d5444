package returned

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel/trace"
)

// hookTracer keeps one span per in-flight hook, in its context, and ends it
// when the matching "done" hook fires (the otelhttptrace client-tracer
// shape). The span started in start is handed over through the map.
type hookTracer struct {
	mu     sync.Mutex
	tr     trace.Tracer
	root   context.Context
	active map[string]context.Context
}

func (h *hookTracer) start(hook string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ctx, span := h.tr.Start(h.root, hook)
	span.SetAttributes()
	h.active[hook] = ctx
}

func (h *hookTracer) done(hook string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ctx, ok := h.active[hook]; ok {
		trace.SpanFromContext(ctx).End()
		delete(h.active, hook)
	}
}

// begin hands its span to the caller in the returned context.
func (h *hookTracer) begin(ctx context.Context, name string) context.Context {
	ctx, span := h.tr.Start(ctx, name)
	span.AddEvent("begin")
	return ctx
}

// leakyStart keeps the context to itself: the span is never ended.
func (h *hookTracer) leakyStart(hook string) {
	ctx, span := h.tr.Start(h.root, hook) // want `span started here is not ended`
	span.SetAttributes()
	_ = ctx.Err()
}
