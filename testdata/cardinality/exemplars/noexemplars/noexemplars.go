// Package noexemplars traces, but nothing in it records an exemplar: the
// text format loses nothing.
package noexemplars

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var hits = prometheus.NewCounter(prometheus.CounterOpts{Name: "hits_total"})

func setup(mux *http.ServeMux) *sdktrace.TracerProvider {
	hits.Inc()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/metrics/raw", promhttp.HandlerFor(prometheus.DefaultGatherer, promhttp.HandlerOpts{}))
	return sdktrace.NewTracerProvider()
}
