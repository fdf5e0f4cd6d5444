package startup

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Options are the flags a serve command completes into a server.
type Options struct {
	Addr    string
	Timeout time.Duration
}

// Complete turns the options into a server. It takes the command's
// context, and it builds the HTTP server itself: a function that builds a
// server runs when the program starts, not on every request.
func (o *Options) Complete(ctx context.Context) (*http.Server, error) {
	reg := prometheus.NewRegistry()
	info := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "build_info"}, []string{"version"})
	if err := reg.Register(info); err != nil { // ok: the server is built once
		return nil, err
	}
	mux := http.NewServeMux()
	return &http.Server{Addr: o.Addr, Handler: mux, ReadTimeout: o.Timeout}, ctx.Err()
}

// Track counts one named event for the caller's request.
func (s *Server) Track(ctx context.Context, name string) error {
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "events_total", ConstLabels: prometheus.Labels{"event": name}}) // want `^prometheus\.NewCounter "events_total" creates an instrument on every call of Track, which receives a request context; .* \(cardinality/per-request-instrument\)$`
	if err := s.reg.Register(c); err != nil {
		return err
	}
	c.Inc()
	return ctx.Err()
}
