// Package wrappersnamearg has a tracing helper whose span name is its second
// string argument (the first names the component); -spanname.name-arg=2
// says so.
package wrappersnamearg

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

type Tracer struct {
	t trace.Tracer
}

func New() *Tracer { return &Tracer{t: otel.Tracer("shop")} }

func (t *Tracer) Start(ctx context.Context, component, name string) (context.Context, trace.Span) {
	ctx, span := t.t.Start(ctx, name)
	_ = component
	return ctx, span
}

type Shipping struct {
	tr *Tracer
}

func (s *Shipping) Dispatch(ctx context.Context, parcelID string) {
	ctx, span := s.tr.Start(ctx, "shipping", "Shipping.Dispatch")
	defer span.End()
	_, span2 := s.tr.Start(ctx, "shipping", "dispatch")
	defer span2.End()
	_, span3 := s.tr.Start(ctx, "shipping", "Shipping.Dispatch/"+parcelID) // want `^span name is built from parcelID \(an ID\), .* \(spanname/dynamic\)$`
	defer span3.End()
}
