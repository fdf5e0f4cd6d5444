// Package links polls tenants and invalidates caches in the background.
// Where a new root's trace is linked to the caller's, or the caller's span
// context is put into it, the boundary is drawn on purpose and nothing is
// lost; a new root with no link is still reported.
package links

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("links")

type Store interface {
	Tenants(ctx context.Context) ([]string, error)
	Poll(ctx context.Context, tenant string) error
	Changes(ctx context.Context, tenant string) (int, error)
}

type Poller struct{ store Store }

// Poll polls every tenant on its own trace, each linked to the poll.
func (p *Poller) Poll(parent context.Context) error {
	parent, span := tracer.Start(parent, "Poller.Poll")
	defer span.End()
	tenants, err := p.store.Tenants(parent)
	if err != nil {
		return err
	}
	var (
		wg   sync.WaitGroup
		link = trace.LinkFromContext(parent)
		bg   = context.Background()
	)
	for _, t := range tenants {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, tspan := tracer.Start(bg, "Poller.PollTenant")
			defer tspan.End()
			tspan.AddLink(link)
			_ = p.store.Poll(ctx, t)
		}()
	}
	wg.Wait()
	return nil
}

// Batch starts the batch's own trace with links to every request in it.
func (p *Poller) Batch(ctx context.Context, tenant string) error {
	bctx, span := tracer.Start(context.Background(), "Poller.Batch", trace.WithLinks(trace.LinkFromContext(ctx)))
	defer span.End()
	return p.store.Poll(bctx, tenant)
}

// Invalidate runs on its own trace and links the caller's span to it.
func (p *Poller) Invalidate(parent context.Context, tenant string) {
	ctx, span := tracer.Start(context.Background(), "Poller.Invalidate")
	defer span.End()
	trace.SpanFromContext(parent).AddLink(trace.LinkFromContext(ctx))
	_, _ = p.store.Changes(ctx, tenant)
}

// Shadow replays a request with its own timeout in the caller's trace.
func (p *Poller) Shadow(ctx context.Context, tenant string, timeout time.Duration) {
	sc := trace.SpanContextFromContext(ctx)
	go func() {
		sctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		sctx = trace.ContextWithSpanContext(sctx, sc)
		_ = p.store.Poll(sctx, tenant)
	}()
}

// copyTrace puts the span of src into dst: a way to keep the trace and
// drop the cancellation before context.WithoutCancel.
func copyTrace(dst, src context.Context) context.Context {
	return trace.ContextWithSpan(dst, trace.SpanFromContext(src))
}

// Forward gives the forwarded writes their own timeout but keeps the trace.
func (p *Poller) Forward(ctx context.Context, tenant string, timeout time.Duration) error {
	fctx, cancel := context.WithTimeout(copyTrace(context.Background(), ctx), timeout)
	defer cancel()
	return p.store.Poll(fctx, tenant)
}

// Notify is called back with a context that carries no span: it starts
// the span itself and puts it into that context.
func (p *Poller) Notify(ctx context.Context, tenant string) error {
	_, span := tracer.Start(context.Background(), "Poller.Notify")
	defer span.End()
	ctx = trace.ContextWithSpan(ctx, span)
	return p.store.Poll(ctx, tenant)
}

// Annotate reads the caller's span only to annotate it: no link, and the
// fresh root breaks the trace.
func (p *Poller) Annotate(ctx context.Context, tenant string) (int, error) {
	trace.SpanFromContext(ctx).SetAttributes(attribute.String("tenant", tenant))
	return p.store.Changes(context.Background(), tenant) // want `use ctx \(parameter of Annotate\) instead of context\.Background\(\) \(ctxprop/background\)`
}
