// Package trace is a local package named trace that is NOT OpenTelemetry:
// rules must not mistake its Span or Tracer for OTel's.
package trace

import "context"

// Span is a local span type with the same method names as OTel's.
type Span struct{ name string }

func (s *Span) End()                 {}
func (s *Span) SetAttributes(...any) {}
func (s *Span) RecordError(error)    {}

// Tracer starts local spans.
type Tracer struct{}

func (Tracer) Start(ctx context.Context, name string) (context.Context, *Span) {
	return ctx, &Span{name: name}
}

// Logger is a local logger with Info/Error like the real ones.
type Logger struct{}

func (Logger) Info(msg string, kv ...any)  {}
func (Logger) Error(msg string, kv ...any) {}
