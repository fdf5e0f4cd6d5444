// Package handlers is an HTTP service whose handlers sometimes start over
// from context.Background() although the request carries a context.
package handlers

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

type Order struct {
	ID    string `json:"id"`
	Total int    `json:"total"`
}

type Store interface {
	Save(ctx context.Context, o Order) error
	Load(ctx context.Context, id string) (Order, error)
}

type Server struct {
	store Store
	log   *slog.Logger
}

// PlaceOrder has the request: the span must hang off r.Context().
func (s *Server) PlaceOrder(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(context.Background(), "PlaceOrder") // want `use r\.Context\(\) \(request of PlaceOrder\) instead of context\.Background\(\) \(ctxprop/background\)`
	defer span.End()
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := s.store.Save(ctx, o); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// PlaceOrderOK is the clean twin.
func (s *Server) PlaceOrderOK(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "PlaceOrder")
	defer span.End()
	var o Order
	_ = json.NewDecoder(r.Body).Decode(&o)
	_ = s.store.Save(ctx, o)
}

// GetOrder derives ctx from the request, then forgets it.
func (s *Server) GetOrder(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.URL.Query().Get("id")
	o, err := s.store.Load(context.TODO(), id) // want `use ctx \(local variable of GetOrder\) instead of context\.TODO\(\) \(ctxprop/background\)`
	if err != nil {
		s.log.ErrorContext(ctx, "load failed", "err", err)
		return
	}
	_ = json.NewEncoder(w).Encode(o)
}

// GetOrderOK is the clean twin.
func (s *Server) GetOrderOK(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, _ := s.store.Load(ctx, r.URL.Query().Get("id"))
	_ = json.NewEncoder(w).Encode(o)
}

// Cancel takes a context explicitly.
func (s *Server) Cancel(ctx context.Context, id string) error {
	o, err := s.store.Load(context.Background(), id) // want `use ctx \(parameter of Cancel\) instead of context\.Background\(\) \(ctxprop/background\)`
	if err != nil {
		return err
	}
	o.Total = 0
	return s.store.Save(ctx, o)
}

// CancelOK is the clean twin.
func (s *Server) CancelOK(ctx context.Context, id string) error {
	o, err := s.store.Load(ctx, id)
	if err != nil {
		return err
	}
	return s.store.Save(ctx, o)
}

// Routes registers handler literals inside a function that has its own
// (setup) context: the request's context is the one to use.
func (s *Server) Routes(ctx context.Context, mux *http.ServeMux) {
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		_, _ = s.store.Load(context.Background(), "health") // want `use r\.Context\(\) \(request of the enclosing function literal\) instead of context\.Background\(\) \(ctxprop/background\)`
	})
	mux.HandleFunc("/ready", func(w http.ResponseWriter, r *http.Request) {
		_, _ = s.store.Load(r.Context(), "ready")
	})
	s.log.InfoContext(ctx, "routes registered")
}

// Audit defaults a missing context: the idiom is fine.
func (s *Server) Audit(ctx context.Context, o Order) error {
	if ctx == nil {
		ctx = context.Background()
	}
	return s.store.Save(ctx, o)
}

// Detach deliberately re-roots its own context variable.
func (s *Server) Detach(ctx context.Context, o Order) error {
	ctx = context.Background()
	return s.store.Save(ctx, o)
}

// Log calls belong to logmix: no finding here even with a fresh context.
func (s *Server) Log(ctx context.Context, o Order) {
	s.log.InfoContext(context.Background(), "order", "id", o.ID)
	slog.InfoContext(context.TODO(), "order", "id", o.ID)
	slog.Info("order without context", "id", o.ID)
}

// Warmup has no context at all: a fresh root is the only option.
func (s *Server) Warmup() error {
	_, err := s.store.Load(context.Background(), "warmup")
	return err
}

// WithBlankContext ignores its context parameter by name.
func (s *Server) WithBlankContext(_ context.Context, id string) error {
	_, err := s.store.Load(context.Background(), id)
	return err
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parent := context.WithValue(context.Background(), ctxKey{}, "v") // want `use r\.Context\(\) \(request of ServeHTTP\) instead of context\.Background\(\) \(ctxprop/background\)`
	_, _ = s.store.Load(parent, r.URL.Path)
}

// ServeHTTPOK is the clean twin.
func (s *Server) ServeHTTPOK(w http.ResponseWriter, r *http.Request) {
	parent := context.WithValue(r.Context(), ctxKey{}, "v")
	_, _ = s.store.Load(parent, r.URL.Path)
}

type ctxKey struct{}

// Ignored shows the suppression directive.
func (s *Server) Ignored(ctx context.Context) {
	//otellint:ignore ctxprop intentionally detached warm cache refresh
	_, _ = s.store.Load(context.Background(), "cache")
}

// Shadowed: the context variable is shadowed by a string, so only the
// request is left.
func (s *Server) Shadowed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	_ = ctx
	{
		ctx := "not a context"
		_ = ctx
		_, _ = s.store.Load(context.Background(), "x") // want `use r\.Context\(\) \(request of Shadowed\) instead of context\.Background\(\) \(ctxprop/background\)`
	}
}

// background is this package's shorthand for a fresh root: calling it is
// the same as calling context.Background().
func background() context.Context { return context.Background() }

func (s *Server) Wrapped(ctx context.Context, id string) error {
	_, err := s.store.Load(background(), id) // want `use ctx \(parameter of Wrapped\) instead of background\(\) \(which returns a fresh root context\) \(ctxprop/background\)`
	return err
}

// tenantContext is not a wrapper of a fresh root: it may return the
// caller's context.
func tenantContext(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

// detachedOrRoot returns a fresh root on one path only.
func (s *Server) detachedOrRoot() context.Context {
	if s.log == nil {
		return context.Background()
	}
	return context.WithValue(context.Background(), ctxKey{}, "server")
}

func (s *Server) WrappedOK(ctx context.Context, id string) error {
	_, err := s.store.Load(tenantContext(ctx), id)
	if err != nil {
		return err
	}
	_, err = s.store.Load(s.detachedOrRoot(), id)
	return err
}

// Reroot resets its context on one branch only: ctx remains the context
// to use afterwards.
func (s *Server) Reroot(ctx context.Context, detached bool, o Order) error {
	if detached {
		ctx = context.Background()
	}
	if _, err := s.store.Load(context.TODO(), o.ID); err != nil { // want `use ctx \(parameter of Reroot\) instead of context\.TODO\(\) \(ctxprop/background\)`
		return err
	}
	return s.store.Save(ctx, o)
}
