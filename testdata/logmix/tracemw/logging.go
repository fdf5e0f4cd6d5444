// Package tracemw is a service's logging package. Three pieces add the
// trace id in one place for every record of the service — a logger
// factory, a request interceptor and a handler wrapper — and none of them
// emits a record itself: they are the trace-aware logger, written by hand.
// A handler that copies the trace id next to its own log calls is the
// scattered kind the rule is about.
package tracemw

import (
	"context"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Factory hands out loggers.
type Factory struct {
	base *zap.Logger
}

// For returns a logger that carries the trace of ctx, if any.
func (f Factory) For(ctx context.Context) *zap.Logger {
	sc := trace.SpanContextFromContext(ctx)
	if !sc.IsValid() {
		return f.base
	}
	return f.base.With(
		zap.String("trace_id", sc.TraceID().String()),
		zap.String("span_id", sc.SpanID().String()),
	)
}

// requestLog collects the fields logged once a request has been served.
type requestLog struct {
	logger *zap.Logger
	fields []zap.Field
}

func (l *requestLog) done(status int) {
	l.logger.Info("request served", append(l.fields, zap.Int("status", status))...)
}

// Interceptor returns the function that starts the log of each request.
func Interceptor(logger *zap.Logger) func(ctx context.Context, method string) *requestLog {
	return func(ctx context.Context, method string) *requestLog {
		fields := []zap.Field{zap.String("method", method)}
		if sc := trace.SpanContextFromContext(ctx); sc.HasTraceID() {
			fields = append(fields, zap.String("trace_id", sc.TraceID().String()))
		}
		return &requestLog{logger: logger, fields: fields}
	}
}

// RecordHandler is one stage of the service's slog pipeline.
type RecordHandler func(ctx context.Context, r slog.Record) error

// WithTrace wraps a stage so that every record gets the trace of its
// context.
func WithTrace(next RecordHandler) RecordHandler {
	return func(ctx context.Context, r slog.Record) error {
		if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
			r.AddAttrs(slog.String("trace_id", sc.TraceID().String()))
		}
		return next(ctx, r)
	}
}

// Refund copies the trace id next to its own log calls.
func Refund(w http.ResponseWriter, r *http.Request, logger *zap.Logger) {
	tid := trace.SpanContextFromContext(r.Context()).TraceID().String()
	logger.Info("refund requested", zap.String("trace_id", tid)) // want `^log field "trace_id" copies the trace id by hand`
	w.WriteHeader(http.StatusAccepted)
}
