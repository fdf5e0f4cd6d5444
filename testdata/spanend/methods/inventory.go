// Package methods is an inventory service whose methods start spans through
// tracers held in struct fields, embedded in the service, or from a
// TracerProvider.
package methods

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

type Item struct {
	SKU string
	Qty int
}

var errOutOfStock = errors.New("out of stock")

// Service holds its tracer in a field.
type Service struct {
	tracer trace.Tracer
	stock  map[string]int
}

// Reserve leaks the span when the item is out of stock.
func (s *Service) Reserve(ctx context.Context, it Item) error {
	_, span := s.tracer.Start(ctx, "Reserve") // want `span "Reserve" started here is not ended on the path through the return at line 32; add defer span.End\(\) \(spanend/not-ended\)`
	if s.stock[it.SKU] < it.Qty {
		return errOutOfStock
	}
	s.stock[it.SKU] -= it.Qty
	span.End()
	return nil
}

// Release ends the span with defer.
func (s *Service) Release(ctx context.Context, it Item) {
	_, span := s.tracer.Start(ctx, "Release")
	defer span.End()
	s.stock[it.SKU] += it.Qty
}

// Embedded embeds a Tracer: its Start is promoted.
type Embedded struct {
	trace.Tracer
}

// Count leaks through the promoted Start method.
func (e Embedded) Count(ctx context.Context) int {
	_, span := e.Start(ctx, "Count") // want `span "Count" started here is not ended on the path through the return at line 55; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("counting")
	return 0
}

// CountEnded ends the span of the promoted Start.
func (e Embedded) CountEnded(ctx context.Context) int {
	_, span := e.Start(ctx, "Count")
	defer span.End()
	return 0
}

// Provider starts spans through a TracerProvider held in a field.
type Provider struct {
	tp trace.TracerProvider
}

// Sync leaks the span of tp.Tracer(..).Start.
func (p *Provider) Sync(ctx context.Context) {
	ctx, span := p.tp.Tracer("inventory").Start(ctx, "Sync") // want `span "Sync" started here is not ended on the path that reaches the end of the function at line 75; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("sync")
	_ = ctx
}

// Global uses otel.Tracer(..).Start and ends the span.
func Global(ctx context.Context) {
	_, span := otel.Tracer("inventory").Start(ctx, "Global")
	defer span.End()
}

// GlobalLeak uses otel.Tracer(..).Start and leaks the span.
func GlobalLeak(ctx context.Context) error {
	_, span := otel.Tracer("inventory").Start(ctx, "Global") // want `span "Global" started here is not ended on the path through the return at line 87; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("global")
	return nil
}

// Noop starts a span on a variable of type noop.Tracer: no other tracer can
// be plugged into it, and a noop span holds nothing to leak.
func Noop(ctx context.Context) {
	var tr noop.Tracer
	_, span := tr.Start(ctx, "Noop")
	span.AddEvent("noop")
}

// NoopBehindInterface starts a span on a trace.Tracer that happens to hold
// a noop tracer today: a real one can be plugged in, so the leak counts.
func NoopBehindInterface(ctx context.Context) {
	var tr trace.Tracer = noop.Tracer{}
	_, span := tr.Start(ctx, "Noop") // want `span "Noop" started here is not ended on the path that reaches the end of the function at line 104; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("noop")
}

// NoopEnded ends the noop span.
func NoopEnded(ctx context.Context) {
	_, span := noop.NewTracerProvider().Tracer("x").Start(ctx, "Noop")
	span.End()
}

// Stopwatch has a Start method that is not a Tracer's: not a span start.
type Stopwatch struct{}

func (Stopwatch) Start(ctx context.Context, name string) (context.Context, func()) {
	return ctx, func() {}
}

// Timed calls a Start that is not a Tracer's and never "ends" it.
func Timed(ctx context.Context) {
	var w Stopwatch
	_, stop := w.Start(ctx, "timed")
	_ = stop
}
