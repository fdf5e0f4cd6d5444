// Package repository stores orders and logs with zap. Some queries copy the
// trace id into log fields by hand instead of using a trace-aware logger.
package repository

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Repo is the order repository.
type Repo struct {
	db     *sql.DB
	logger *zap.Logger
	sugar  *zap.SugaredLogger
}

// Find loads an order.
func (r *Repo) Find(ctx context.Context, id string) error {
	span := trace.SpanFromContext(ctx)
	r.logger.Info("find order",
		zap.String("order_id", id),
		zap.String("trace_id", span.SpanContext().TraceID().String()), // want `^log field "trace_id" copies the trace id by hand: log through otelzap \(logger\.Ctx\(ctx\)\.Info\) or a go\.opentelemetry\.io/contrib/bridges/otelzap core, which add trace_id and span_id from the context \(logmix/manual-trace-id\)$`
	)
	row := r.db.QueryRowContext(ctx, "SELECT id FROM orders WHERE id = $1", id)
	return row.Err()
}

// Save stores an order; the ids travel through local variables.
func (r *Repo) Save(ctx context.Context, id string) error {
	sc := trace.SpanContextFromContext(ctx)
	traceID := sc.TraceID()
	tid := traceID.String()
	spanID := sc.SpanID().String()
	logger := r.logger.With(zap.String("trace_id", tid))                                   // want `^log field "trace_id" copies the trace id by hand`
	logger.Info("saving order", zap.String("order_id", id), zap.String("span_id", spanID)) // want `^log field "span_id" copies the span id by hand`
	logger.Debug("saving", zap.Stringer("trace", traceID))                                 // want `^log field "trace" copies the trace id by hand`
	r.sugar.Infow("saved", "order_id", id, "trace_id", tid)                                // want `^log field "trace_id" copies the trace id by hand: log through otelzap`
	r.sugar.Infof("saved %s in trace %s", id, tid)                                         // want `^trace id formatted into the log message by hand: log through otelzap`
	r.logger.Warn("slow save trace=" + sc.TraceID().String())                              // want `^trace id formatted into the log message by hand`
	return nil
}

// Delete records the trace id on the span and in a response header: neither
// is a log field.
func (r *Repo) Delete(ctx context.Context, w http.ResponseWriter, id string) {
	span := trace.SpanFromContext(ctx)
	tid := span.SpanContext().TraceID().String()
	span.SetAttributes(attribute.String("deleted.trace", tid))
	w.Header().Set("X-Trace-Id", tid)
	err := fmt.Errorf("delete %s failed", id)
	r.logger.Error("delete failed", zap.String("order_id", id), zap.Error(err))
}

// Count logs an ordinary field whose name mentions a trace but whose value
// does not come from a span context.
func (r *Repo) Count(requestTraceHeader string) {
	r.logger.Info("count", zap.String("trace_id", requestTraceHeader))
	valid := trace.SpanContextFromContext(context.Background()).IsValid()
	r.logger.Debug("span context", zap.Bool("valid", valid))
}

// traceIDOf is a helper returning the trace id: fields built from it are
// copied by hand all the same.
func traceIDOf(ctx context.Context) string {
	return trace.SpanContextFromContext(ctx).TraceID().String()
}

// List lists orders.
func (r *Repo) List(ctx context.Context) {
	r.logger.Info("list orders", zap.String("trace_id", traceIDOf(ctx))) // want `^log field "trace_id" copies the trace id by hand`
}
