// Package usagetelemetry serves its request metrics, with exemplars, on
// /metrics and a second registry of anonymous usage counts on /usage.
package usagetelemetry

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

var requestSeconds = prometheus.NewHistogram(prometheus.HistogramOpts{
	Name:    "api_request_duration_seconds",
	Buckets: prometheus.DefBuckets,
})

func newTracerProvider() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider()
}

// observe links the latency bucket to the request's trace.
func observe(r *http.Request, seconds float64) {
	sc := trace.SpanContextFromContext(r.Context())
	requestSeconds.(prometheus.ExemplarObserver).ObserveWithExemplar(
		seconds, prometheus.Labels{"trace_id": sc.TraceID().String()})
}

// metricsHandler serves the request metrics in OpenMetrics, so their
// exemplars reach Prometheus. The usage registry holds counts rebuilt
// on each scrape, which carry no exemplar: the text format is enough.
func metricsHandler(usage *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(prometheus.DefaultGatherer, promhttp.HandlerOpts{
		EnableOpenMetrics: true,
	}))
	if usage != nil {
		mux.Handle("/usage", promhttp.HandlerFor(usage, promhttp.HandlerOpts{}))
	}
	return mux
}
