// Command promcompat shows that an OpenTelemetry histogram and a
// Prometheus histogram with the same bucket boundaries export the same
// series. The boundaries are the example's, not a latency recommendation.
package main

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

var promLatency = prometheus.NewHistogram(prometheus.HistogramOpts{
	Name:    "device_command_duration_seconds",
	Help:    "Time to run a device command.",
	Buckets: []float64{0.1, 0.25, 0.5, 1, 2.5, 5},
})

func main() {
	prometheus.MustRegister(promLatency)
	h, err := otel.Meter("promcompat").Float64Histogram("device.command.duration",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.1, 0.25, 0.5, 1, 2.5, 5))
	if err != nil {
		panic(err)
	}
	h.Record(context.Background(), 0.3)
	promLatency.Observe(0.3)
}
