// Package logrussvc is an inventory service that logs with logrus; entries
// made inside a request should carry its context so that hooks (such as
// otellogrus) can attach the trace.
package logrussvc

import (
	"context"
	"net/http"

	"github.com/sirupsen/logrus"
	"go.opentelemetry.io/otel/trace"
)

// Inventory tracks stock.
type Inventory struct {
	log *logrus.Logger
}

// Reserve reserves stock.
func (inv *Inventory) Reserve(ctx context.Context, sku string, n int) {
	logrus.Infof("reserving %d of %s", n, sku)      // want `^logrus\.Infof logs without the context although ctx \(parameter of Reserve\) is in scope: use logrus\.WithContext\(ctx\)\.Infof so hooks can attach the trace \(logmix/missing-context\)$`
	inv.log.WithField("sku", sku).Warn("low stock") // want `^inv\.log\.WithField\(\.\.\.\)\.Warn logs without the context although ctx \(parameter of Reserve\) is in scope: use \.WithContext\(ctx\)\.Warn so hooks can attach the trace`
	inv.log.WithContext(ctx).WithField("sku", sku).Info("reserved")
	entry := inv.log.WithContext(ctx)
	entry.Debug("entry carries the context")
	inv.log.Error("reservation failed") // want `^inv\.log\.Error logs without the context although ctx \(parameter of Reserve\) is in scope: use inv\.log\.WithContext\(ctx\)\.Error`
}

// Restock handles an HTTP restock request.
func (inv *Inventory) Restock(w http.ResponseWriter, r *http.Request) {
	inv.log.Info("restock requested") // want `^inv\.log\.Info logs without the context although r\.Context\(\) is in scope: use inv\.log\.WithContext\(r\.Context\(\)\)\.Info`
	w.WriteHeader(http.StatusNoContent)
}

// Audit copies the trace id into logrus fields by hand.
func (inv *Inventory) Audit(ctx context.Context, sku string) {
	sc := trace.SpanContextFromContext(ctx)
	inv.log.WithContext(ctx).WithField("trace_id", sc.TraceID().String()).Info("audit") // want `^log field "trace_id" copies the trace id by hand: log with WithContext\(ctx\) through a trace-aware hook such as go\.opentelemetry\.io/contrib/bridges/otellogrus`
	inv.log.WithContext(ctx).WithFields(logrus.Fields{
		"sku":     sku,
		"span_id": sc.SpanID().String(), // want `^log field "span_id" copies the span id by hand`
	}).Info("audit fields")
}

// Init runs at start-up without a context.
func Init() *Inventory {
	logrus.Info("inventory starting")
	return &Inventory{log: logrus.New()}
}
