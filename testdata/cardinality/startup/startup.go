// Package startup builds a gRPC server: the option builder takes the
// server's context because Run has one, but it runs once, from Run.
package startup

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Config is the server configuration.
type Config struct{ Histograms bool }

// Server is the service.
type Server struct {
	reg     *prometheus.Registry
	metrics *prometheus.CounterVec
}

// Run starts the server and blocks until ctx is done.
func (s *Server) Run(ctx context.Context, cfg Config) error {
	if err := s.buildOptions(ctx, cfg); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}

func (s *Server) buildOptions(ctx context.Context, cfg Config) error {
	s.metrics = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "grpc_server_handled_total"}, []string{"code"}) // ok: called once, from Run
	if err := s.reg.Register(s.metrics); err != nil {                                                                 // ok: once
		return err
	}
	return s.warmUp(ctx)
}

func (s *Server) warmUp(ctx context.Context) error {
	c := promauto.With(s.reg).NewCounter(prometheus.CounterOpts{Name: "warmups_total"}) // ok: buildOptions runs once
	c.Inc()
	return ctx.Err()
}

// MarkBlock is an API handler: the marker function requires a counter, and
// a factory without registry makes a throwaway one.
func (s *Server) MarkBlock(w http.ResponseWriter, r *http.Request) {
	if err := mark(r.Context(), r.URL.Query().Get("id"), promauto.With(nil).NewCounter(prometheus.CounterOpts{})); err != nil { // ok: registered nowhere
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

func mark(ctx context.Context, id string, marked prometheus.Counter) error {
	marked.Inc()
	_ = id
	return ctx.Err()
}

// Handle calls a helper that receives the request context and registers
// a collector: that helper runs per request.
func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
	s.record(r.Context())
}

func (s *Server) record(ctx context.Context) {
	c := promauto.With(s.reg).NewCounter(prometheus.CounterOpts{Name: "handled_total"}) // want `^promauto\.NewCounter "handled_total" creates an instrument on every call of record, which receives a request context; .* \(cardinality/per-request-instrument\)$`
	c.Inc()
	_ = ctx
}
