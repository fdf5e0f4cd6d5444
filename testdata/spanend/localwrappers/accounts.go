// Package localwrappers is an accounts service with its own unexported span
// helpers: a same-package function whose every return hands back a span it
// started is a start, with no configuration.
package localwrappers

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type Service struct {
	tracer trace.Tracer
	attrs  []attribute.KeyValue
}

func NewService() *Service { return &Service{tracer: otel.Tracer("accounts")} }

// startSpan starts a span with the service's attributes.
func (s *Service) startSpan(ctx context.Context, name string) (context.Context, trace.Span) {
	return s.tracer.Start(ctx, name, trace.WithAttributes(s.attrs...))
}

// begin starts a span and annotates it before handing it back.
func (s *Service) begin(ctx context.Context, name string) trace.Span {
	_, span := s.tracer.Start(ctx, name)
	span.AddEvent("begin")
	return span
}

var errDisabled = errors.New("tracing disabled")

// maybeStart hands back nil when tracing is off.
func (s *Service) maybeStart(ctx context.Context, name string) (trace.Span, error) {
	if s.tracer == nil {
		return nil, errDisabled
	}
	_, span := s.tracer.Start(ctx, name)
	return span, nil
}

// current returns the caller's span: not a start.
func current(ctx context.Context) trace.Span {
	return trace.SpanFromContext(ctx)
}

// startEnded starts and ends a span before returning it: not a start.
func (s *Service) startEnded(ctx context.Context, name string) trace.Span {
	_, span := s.tracer.Start(ctx, name)
	defer span.End()
	return span
}

func debit(ctx context.Context, amount int) error { return nil }

// Debit leaks the wrapper's span on the error path.
func (s *Service) Debit(ctx context.Context, amount int) error {
	ctx, span := s.startSpan(ctx, "Debit") // want `span "Debit" started here is not ended on the path through the return at line 63; add defer span.End\(\) \(spanend/not-ended\)`
	if amount <= 0 {
		return errors.New("bad amount")
	}
	defer span.End()
	return debit(ctx, amount)
}

// Credit ends the wrapper's span.
func (s *Service) Credit(ctx context.Context, amount int) error {
	ctx, span := s.startSpan(ctx, "Credit")
	defer span.End()
	return debit(ctx, -amount)
}

// Freeze discards the span of a single-result wrapper.
func (s *Service) Freeze(ctx context.Context) {
	s.begin(ctx, "Freeze") // want `span "Freeze" started here is discarded, so it can never be ended; assign it \(span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
}

// Audit leaks the span of a wrapper that may hand back nil.
func (s *Service) Audit(ctx context.Context) error {
	span, err := s.maybeStart(ctx, "Audit") // want `span "Audit" started here is not ended on the path through the return at line 88; add defer span.End\(\) \(spanend/not-ended\)`
	if err != nil {
		return err
	}
	span.AddEvent("audited")
	return nil
}

// AuditEnded ends it behind a nil check.
func (s *Service) AuditEnded(ctx context.Context) error {
	span, err := s.maybeStart(ctx, "Audit")
	if span != nil {
		defer span.End()
	}
	return err
}

// Annotate uses the caller's span: nothing to end.
func (s *Service) Annotate(ctx context.Context) {
	span := current(ctx)
	span.AddEvent("annotated")
}

// Ended uses a span its helper already ended.
func (s *Service) Ended(ctx context.Context) {
	span := s.startEnded(ctx, "Ended")
	_ = span.SpanContext()
}
