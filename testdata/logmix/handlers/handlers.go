// Package handlers serves HTTP with slog: log calls inside a request should
// carry r.Context() so that the handler can add trace_id and span_id.
package handlers

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

// API serves the user endpoints.
type API struct {
	log *slog.Logger
}

// GetUser handles GET /users/{id}.
func (a *API) GetUser(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	slog.Info("get user", "id", id) // want `^slog\.Info drops the context although r\.Context\(\) is in scope: use InfoContext\(r\.Context\(\), \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
	user, err := lookup(id)
	if err != nil {
		a.log.Error("lookup failed", "id", id, "err", err) // want `^a\.log\.Error drops the context although r\.Context\(\) is in scope: use ErrorContext\(r\.Context\(\), \.\.\.\)`
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	a.log.InfoContext(r.Context(), "found user", "id", id)
	_ = json.NewEncoder(w).Encode(user)
}

// Health has no request parameter: there is no context to pass.
func Health(logger *slog.Logger) {
	logger.Debug("health probe")
	slog.Warn("health probe without request")
}

// Middleware logs every request.
func Middleware(next http.Handler, logger *slog.Logger) http.Handler {
	logger.Info("middleware installed")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		logger.Debug("request", "method", r.Method, "path", r.URL.Path) // want `^logger\.Debug drops the context although r\.Context\(\) is in scope: use DebugContext\(r\.Context\(\), \.\.\.\)`
		next.ServeHTTP(w, r)
		logger.LogAttrs(r.Context(), slog.LevelInfo, "done", slog.String("path", r.URL.Path))
		slog.Log(r.Context(), slog.LevelDebug, "served")
	})
}

// Upload handles a form upload; the request is in scope in the callback too.
func (a *API) Upload(w http.ResponseWriter, req *http.Request) {
	files := []string{"a", "b"}
	for _, f := range files {
		func() {
			a.log.Warn("processing", "file", f) // want `^a\.log\.Warn drops the context although req\.Context\(\) is in scope: use WarnContext\(req\.Context\(\), \.\.\.\)`
		}()
	}
	//otellint:ignore logmix/missing-context the upload audit log is not traced
	a.log.Info("upload done")
	w.WriteHeader(http.StatusNoContent)
}

type user struct{ ID string }

func lookup(id string) (user, error) {
	slog.Debug("lookup", "id", id)
	return user{ID: id}, nil
}

// auditor is the service's own logging interface: its methods are not a
// library's and are not reported.
type auditor interface {
	Info(msg string, args ...any)
}

// Audit handles GET /audit through the interface.
func Audit(a auditor) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a.Info("audit", "path", r.URL.Path)
		w.WriteHeader(http.StatusOK)
	}
}
