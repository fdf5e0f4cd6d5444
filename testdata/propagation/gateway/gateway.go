// Package gateway is an API gateway's HTTP front.
package gateway

import (
	"encoding/json"
	"net/http"
	"net/http/pprof"

	"github.com/gorilla/mux"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("gateway")

// Server serves the public API.
type Server struct{ orders []string }

func (s *Server) listOrders(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "listOrders")
	defer span.End()
	_ = json.NewEncoder(w).Encode(s.orders)
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

// ListenPlain serves a bare mux: incoming traceparent headers are ignored.
func (s *Server) ListenPlain(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", s.listOrders)
	mux.HandleFunc("/healthz", s.health)
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("web"))))
	return http.ListenAndServe(addr, mux) // want `HTTP server handler mux is a router with no OpenTelemetry middleware`
}

// ListenDebug serves pprof and a health check: no handler there starts a
// span, so there is no trace to continue.
func (s *Server) ListenDebug(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/healthz", s.health)
	return http.ListenAndServe(addr, mux)
}

// ServerPlain builds an http.Server over a gorilla router without otelmux.
func (s *Server) ServerPlain(addr string) *http.Server {
	r := mux.NewRouter()
	r.HandleFunc("/orders", s.listOrders).Methods(http.MethodGet)
	r.HandleFunc("/orders/{id}", func(w http.ResponseWriter, r *http.Request) {}).Methods(http.MethodGet)
	return &http.Server{Addr: addr, Handler: r} // want `HTTP server handler r is a router`
}

// ListenWrapped wraps the mux in otelhttp.
func (s *Server) ListenWrapped(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", s.listOrders)
	return http.ListenAndServe(addr, otelhttp.NewHandler(mux, "gateway"))
}

// ListenWrappedVar wraps the mux in otelhttp and serves the wrapper.
func (s *Server) ListenWrappedVar(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", s.listOrders)
	handler := otelhttp.NewHandler(mux, "gateway")
	return http.ListenAndServe(addr, handler)
}

// ServerMiddleware uses the router's otel middleware.
func (s *Server) ServerMiddleware(addr string) *http.Server {
	r := mux.NewRouter()
	r.Use(otelmux.Middleware("gateway"))
	r.HandleFunc("/orders", s.listOrders)
	return &http.Server{Addr: addr, Handler: r}
}

// ListenPerRoute instruments each route.
func (s *Server) ListenPerRoute(addr string) error {
	mux := http.NewServeMux()
	mux.Handle("/orders", otelhttp.NewHandler(http.HandlerFunc(s.listOrders), "orders"))
	return http.ListenAndServe(addr, mux)
}

// ListenRoutes serves a handler built by another function.
func (s *Server) ListenRoutes(addr string) error {
	return http.ListenAndServe(addr, s.routes())
}

// ListenRegistered hands the mux to a helper that registers routes (and may
// wrap them).
func (s *Server) ListenRegistered(addr string) error {
	mux := http.NewServeMux()
	s.register(mux)
	return http.ListenAndServe(addr, mux)
}

// ListenWithHandler registers a handler built by other code.
func (s *Server) ListenWithHandler(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.HandleFunc("/healthz", s.health)
	return http.ListenAndServe(addr, mux)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", s.listOrders)
	return otelhttp.NewHandler(mux, "gateway")
}

func (s *Server) register(mux *http.ServeMux) {
	mux.Handle("/orders", otelhttp.NewHandler(http.HandlerFunc(s.listOrders), "/orders"))
}
