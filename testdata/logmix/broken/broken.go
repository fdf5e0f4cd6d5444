// Package broken does not type-check: the analyzer, run despite errors,
// must neither panic nor report on what it cannot resolve
// (logger.Info and the trace id of an undefined span); what resolves is
// reported as usual.
package broken

import (
	"context"
	"log"
	"log/slog"
	"net/http"

	"go.uber.org/zap"
)

func handle(w http.ResponseWriter, r *http.Request) {
	logger := undefinedLogger()
	logger.Info("unknown logger", zap.String("k", undefinedValue))
	log.Printf("%v", missing) // want `^package uses slog, zap and log equally for logging \(1 call each; slog wins the tie in the order slog, zap, zerolog, logrus, log: set -logmix\.logger to choose\); this log\.Printf call uses log: use slog \(logmix/mixed-libraries\)$`
	slog.InfoContext(r.Context(), undefinedMessage)
	for range undefinedItems {
		l := zap.NewExample(undefinedOption) // want `^zap\.NewExample builds a new zap logger on every request in HTTP handler handle`
		l.Info("loop")                       // zap is tied with slog: nothing says which the package logs with
	}
	trace := undefinedSpan.SpanContext().TraceID()
	slog.String("trace_id", trace.String())
	_ = context.Background()
}
