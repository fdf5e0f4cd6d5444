// Package promauto is a job runner instrumented with promauto factories.
package promauto

import (
	"context"
	"net/http"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Package-level promauto instruments: no per-request finding.
var (
	jobs = promauto.NewCounterVec(prometheus.CounterOpts{Name: "jobs_total"}, []string{"queue", "job_id"}) // want `label "job_id" names a job id.* \(cardinality/key\)`

	jobDuration = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "job_duration",        // want `histogram "job_duration" measures a duration but its name has no unit suffix; name it "job_duration_seconds" and observe seconds \(the Prometheus naming convention\) \(cardinality/missing-unit\)`
		Buckets: []float64{0.1, 1, 10}, // want `bucket boundaries \[0.1, 1, 10\] of histogram "job_duration" cannot tell 10ms from 100ms: none lies between 0.01 and 0.1 s.* \(cardinality/coarse-buckets\)`
	})

	apiLatency = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "api_latency_seconds",
		Buckets: prometheus.ExponentialBuckets(0.1, 10, 3), // want `bucket boundaries \[0.1, 1, 10\] of histogram "api_latency_seconds" cannot tell 10ms from 100ms.* \(cardinality/coarse-buckets\)`
	})

	renderLatency = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "render_latency_milliseconds",
		Buckets: prometheus.LinearBuckets(100, 100, 5), // want `bucket boundaries \[100, 200, 300, 400, 500\] of histogram "render_latency_milliseconds" cannot tell 10ms from 100ms: none lies between 10 and 100 ms.* \(cardinality/coarse-buckets\)`
	})

	// Clean histograms.
	dbLatency = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "db_latency_seconds",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 12),
	})
	cacheLatency = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "cache_latency_ms",
		Buckets: []float64{1, 5, 10, 25, 50, 100, 250},
	})
	// The unit is written before the breakdown the name ends with.
	queueWait = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "scheduler_queue_latency_seconds_by_queue",
		Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
	}, []string{"queue"})
	// A breakdown after no unit at all is still missing one.
	runTime = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "scheduler_run_time_by_queue", // want `histogram "scheduler_run_time_by_queue" measures a duration but its name has no unit suffix`
		Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
	}, []string{"queue"})
	payload = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "payload_bytes",
		Buckets: prometheus.ExponentialBuckets(100, 10, 4),
	})
)

type Runner struct {
	reg     *prometheus.Registry
	retries *prometheus.CounterVec
}

// NewRunner uses a registry-bound factory, once: no per-request finding.
func NewRunner() *Runner {
	reg := prometheus.NewRegistry()
	f := promauto.With(reg)
	return &Runner{
		reg:     reg,
		retries: f.NewCounterVec(prometheus.CounterOpts{Name: "retries_total"}, []string{"queue", "email"}), // want `label "email" names an email address.* \(cardinality/key\)`
	}
}

func (r *Runner) Run(ctx context.Context, queue string) {
	jobs.WithLabelValues(queue, uuid.NewString()).Inc()
	r.retries.WithLabelValues(queue, queue+"-owner@example.com").Inc()
	r.retries.WithLabelValues(uuid.NewString(), "a@example.com").Inc() // want `label "queue" of retries_total gets uuid.NewString\(\) \(a uuid\).* \(cardinality/value\)`
	jobDuration.Observe(1)
	apiLatency.Observe(1)
	renderLatency.Observe(1)
	dbLatency.Observe(1)
	cacheLatency.Observe(1)
	payload.Observe(1)
}

// Handle builds collectors per request with a factory.
func (r *Runner) Handle(w http.ResponseWriter, req *http.Request) {
	f := promauto.With(r.reg)
	g := f.NewGauge(prometheus.GaugeOpts{Name: "handled"}) // want `promauto.NewGauge "handled" creates an instrument on every request \(in HTTP handler Handle\).* \(cardinality/per-request-instrument\)`
	g.Inc()
	for _, q := range []string{"a", "b"} {
		promauto.NewCounter(prometheus.CounterOpts{Name: "handled_" + q}) // want `promauto.NewCounter creates an instrument on every request \(in HTTP handler Handle\).* \(cardinality/per-request-instrument\)`
	}
}

// process runs per job and creates a collector in the loop.
func process(ctx context.Context, ids []string) {
	for _, id := range ids {
		c := promauto.NewCounter(prometheus.CounterOpts{Name: "processed_total", ConstLabels: prometheus.Labels{"id": id}}) // want `promauto.NewCounter "processed_total" creates an instrument on every call of process, which receives a request context.* \(cardinality/per-request-instrument\)`
		c.Inc()
	}
}

var _ = process
