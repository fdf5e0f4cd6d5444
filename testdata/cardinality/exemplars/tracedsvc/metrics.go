// Package tracedsvc traces its requests and records latency exemplars, but
// some of its metrics endpoints serve only the text format.
package tracedsvc

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

var latency = prometheus.NewHistogram(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.DefBuckets,
})

func newTracerProvider() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider()
}

// observe records the latency with the trace as its exemplar.
func observe(r *http.Request, start time.Time) {
	sc := trace.SpanContextFromContext(r.Context())
	if !sc.IsSampled() {
		latency.Observe(time.Since(start).Seconds())
		return
	}
	latency.(prometheus.ExemplarObserver).ObserveWithExemplar(
		time.Since(start).Seconds(), prometheus.Labels{"trace_id": sc.TraceID().String()})
}
