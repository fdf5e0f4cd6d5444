// Package spansonly is an order service checked with -logmix.spans-only:
// only a log call whose context carries a span the package started, or an
// HTTP request's context, is reported. A context parameter whose callers
// are out of sight may or may not carry one, and is left alone.
package spansonly

import (
	"context"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

// Service places orders.
type Service struct {
	logger *slog.Logger
	store  func(context.Context, string) error
}

// Place traces the order it places.
func (s *Service) Place(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "place order")
	defer span.End()
	if err := s.store(ctx, id); err != nil {
		s.logger.Error("order not stored", "id", id) // want `^s\.logger\.Error drops the context although ctx \(parameter of Place\) is in scope: use ErrorContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
		return err
	}
	s.audit(ctx, id)
	return nil
}

// audit is only called with Place's traced context.
func (s *Service) audit(ctx context.Context, id string) {
	s.logger.Info("order placed", "id", id) // want `^s\.logger\.Info drops the context although ctx \(parameter of audit\) is in scope: use InfoContext\(ctx, \.\.\.\)`
}

// Cancel is called by other packages, with whatever context they hold.
func (s *Service) Cancel(ctx context.Context, id string) error {
	s.logger.Info("order cancelled", "id", id) // ok: no span in sight with -logmix.spans-only
	return s.store(ctx, id)
}

// ServeHTTP takes orders over HTTP.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		s.logger.Warn("order without id") // want `^s\.logger\.Warn drops the context although r\.Context\(\) is in scope: use WarnContext\(r\.Context\(\), \.\.\.\)`
		http.Error(w, "missing id", http.StatusBadRequest)
		return
	}
	if err := s.Place(r.Context(), id); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
