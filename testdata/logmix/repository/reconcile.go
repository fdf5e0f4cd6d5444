package repository

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.uber.org/zap"
)

type loggerKey struct{}

// withLogger stores the logger every call below the reconcile logs with.
func withLogger(ctx context.Context, l *zap.Logger) context.Context {
	return context.WithValue(ctx, loggerKey{}, l)
}

// Reconciler drives orders to their desired state. Each reconcile gives
// its logger the reconcile span's ids once and stores it in the context:
// the one place that adds them, as a trace-aware logger would.
type Reconciler struct {
	logger *zap.Logger
	repo   *Repo
}

func (r *Reconciler) Reconcile(ctx context.Context, id string) error {
	ctx, span := otel.Tracer("orders").Start(ctx, "Reconcile")
	defer span.End()
	logger := r.logger
	if sc := span.SpanContext(); sc.IsValid() {
		logger = logger.With(zap.String("traceID", sc.TraceID().String()), zap.String("spanID", sc.SpanID().String()))
		ctx = withLogger(ctx, logger)
	}
	if err := r.sync(ctx, id); err != nil {
		logger.Error("sync failed", zap.String("order", id), zap.Error(err))
		logger.Sugar().Errorf("order %s not synced: %v", id, err)
		return err
	}
	return nil
}

func (r *Reconciler) sync(ctx context.Context, id string) error {
	return nil
}

// Audit builds a logger with the trace id for one line and keeps it to
// itself: a copy next to the call that uses it.
func (r *Reconciler) Audit(ctx context.Context, id string) {
	_, span := otel.Tracer("orders").Start(ctx, "Audit")
	defer span.End()
	logger := r.logger.With(zap.String("traceID", span.SpanContext().TraceID().String())) // want `^log field "traceID" copies the trace id by hand: log through otelzap`
	logger.Info("order audited", zap.String("order", id))
}
