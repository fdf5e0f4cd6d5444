// Package bridge is a logging platform package: the service logs with zap,
// and this file adapts slog to it (an slog.Handler writing to a zap core,
// as go.uber.org/zap/exp/zapslog does), so that libraries logging with slog
// end up in the same place. Calls in an adapter file are not mixing.
package bridge

import (
	"context"
	"log/slog"

	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// ZapHandler is an slog.Handler that writes records to a zap logger.
type ZapHandler struct {
	logger *zap.Logger
	attrs  []zap.Field
}

// NewSlogLogger returns an slog.Logger backed by zap.
func NewSlogLogger(l *zap.Logger) *slog.Logger {
	return slog.New(&ZapHandler{logger: l})
}

// Enabled implements slog.Handler.
func (h *ZapHandler) Enabled(_ context.Context, level slog.Level) bool {
	return h.logger.Core().Enabled(zapLevel(level))
}

// Handle implements slog.Handler. Copying the trace id from the record's
// context is what a trace-aware handler does: not reported.
func (h *ZapHandler) Handle(ctx context.Context, r slog.Record) error {
	fields := append([]zap.Field(nil), h.attrs...)
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		fields = append(fields, zap.String("trace_id", sc.TraceID().String()), zap.String("span_id", sc.SpanID().String()))
	}
	r.Attrs(func(a slog.Attr) bool {
		fields = append(fields, zap.Any(a.Key, a.Value.Any()))
		return true
	})
	if ce := h.logger.Check(zapLevel(r.Level), r.Message); ce != nil {
		ce.Write(fields...)
	}
	slog.Debug("handled record") // the handler's own diagnostics
	return nil
}

// WithAttrs implements slog.Handler.
func (h *ZapHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := &ZapHandler{logger: h.logger, attrs: append([]zap.Field(nil), h.attrs...)}
	for _, a := range attrs {
		c.attrs = append(c.attrs, zap.Any(a.Key, a.Value.Any()))
	}
	return c
}

// WithGroup implements slog.Handler.
func (h *ZapHandler) WithGroup(name string) slog.Handler {
	return &ZapHandler{logger: h.logger.Named(name), attrs: h.attrs}
}

func zapLevel(l slog.Level) zapcore.Level {
	switch {
	case l >= slog.LevelError:
		return zapcore.ErrorLevel
	case l >= slog.LevelWarn:
		return zapcore.WarnLevel
	case l >= slog.LevelInfo:
		return zapcore.InfoLevel
	}
	h := zap.NewNop()
	h.Debug("debug level")
	return zapcore.DebugLevel
}
