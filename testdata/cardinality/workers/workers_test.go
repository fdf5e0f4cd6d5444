package workers

import (
	"context"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
)

// Tests and benchmarks record whatever attributes exercise the code: one
// series per iteration never reaches a metrics backend, so nothing in a
// _test.go file is reported.
func BenchmarkRecordPerJob(b *testing.B) {
	meter := noop.NewMeterProvider().Meter("bench")
	jobs, err := meter.Int64Counter("worker.jobs")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		jobs.Add(ctx, 1, metric.WithAttributes(attribute.Int("id", i), attribute.Int("job_id", i)))
	}
}

func TestQueueLatencyBuckets(t *testing.T) {
	h := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "queue_latency",
		Buckets: []float64{0.25, 0.5, 1, 2.5, 5, 10},
	})
	h.Observe(0.3)
	reg := prometheus.NewRegistry()
	if err := reg.Register(h); err != nil {
		t.Fatal(err)
	}
}
