// Package registry is an instrument registry built in a constructor, with
// histograms of durations.
package registry

import (
	"go.opentelemetry.io/otel/metric"
)

type Instruments struct {
	RequestDuration metric.Float64Histogram
	QueueLatency    metric.Int64Histogram
	DBTime          metric.Float64Histogram
	RenderTime      metric.Float64Histogram
	PayloadSize     metric.Int64Histogram
	GCPause         metric.Float64Histogram
	Startup         metric.Float64Histogram
	Elapsed         metric.Float64Histogram
	Batch           metric.Float64Histogram
}

var latencyBounds = []float64{0.1, 1, 10}

var fineBounds = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

// New builds every instrument once: no per-request finding.
func New(m metric.Meter) (*Instruments, error) {
	var in Instruments
	var err error
	in.RequestDuration, err = m.Float64Histogram("http.server.request.duration") // want `histogram "http.server.request.duration" measures a duration but has no unit; add metric.WithUnit\("s"\) \(or "ms"\) so that backends can convert and compare it \(cardinality/missing-unit\)`
	if err != nil {
		return nil, err
	}
	in.QueueLatency, _ = m.Int64Histogram("queue.latency_ms") // want `histogram "queue.latency_ms" measures a duration but has no unit; add metric.WithUnit\("ms"\) to match its name.* \(cardinality/missing-unit\)`
	in.DBTime, _ = m.Float64Histogram("db.query.time",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.1, 1, 10), // want `bucket boundaries \[0.1, 1, 10\] of histogram "db.query.time" cannot tell 10ms from 100ms: none lies between 0.01 and 0.1 s; add boundaries such as 0.025, 0.05 and 0.075 \(cardinality/coarse-buckets\)`
	)
	in.RenderTime, _ = m.Float64Histogram("render.time",
		metric.WithUnit("ms"),
		metric.WithExplicitBucketBoundaries(1, 5, 100, 500, 1000), // want `bucket boundaries \[1, 5, 100, 500, 1000\] of histogram "render.time" cannot tell 10ms from 100ms: none lies between 10 and 100 ms; add boundaries such as 25, 50 and 75 \(cardinality/coarse-buckets\)`
	)
	in.GCPause, _ = m.Float64Histogram("gc.pause.duration",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(latencyBounds...), // want `bucket boundaries \[0.1, 1, 10\] of histogram "gc.pause.duration" cannot tell 10ms from 100ms.* \(cardinality/coarse-buckets\)`
	)
	in.Elapsed, _ = m.Float64Histogram("task.elapsed", metric.WithExplicitBucketBoundaries(0.5, 1, 5)) // want `histogram "task.elapsed" measures a duration but has no unit.* \(cardinality/missing-unit\)` `bucket boundaries \[0.5, 1, 5\] of histogram "task.elapsed" cannot tell 10ms from 100ms, whether read as seconds or milliseconds; add boundaries between them \(e.g. 0.025, 0.05, 0.075 s\) and a unit \(cardinality/coarse-buckets\)`

	// Clean: unit given, fine boundaries, not a duration, long-running
	// batch histograms whose smallest boundary is a second or more.
	in.Startup, _ = m.Float64Histogram("process.startup.duration",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(fineBounds...),
	)
	in.PayloadSize, _ = m.Int64Histogram("http.request.body.size", metric.WithUnit("By"),
		metric.WithExplicitBucketBoundaries(100, 1000, 10000))
	in.Batch, _ = m.Float64Histogram("batch.duration", metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(1, 5, 30, 60, 300))
	_, _ = m.Float64Histogram("rpc.duration", metric.WithUnit("ms"),
		metric.WithExplicitBucketBoundaries(5, 10, 25, 50, 100, 250))
	_, _ = m.Float64Histogram("ambiguous.duration", metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.01, 0.05, 0.1))
	opts := []metric.Float64HistogramOption{metric.WithUnit("s"), metric.WithDescription("Time in the cache.")}
	_, _ = m.Float64Histogram("cache.lookup.duration", opts...)
	_, _ = m.Float64Histogram("cache.fill.duration", optionsFromConfig()...)
	_, _ = m.Int64Histogram("uptime.checks")
	return &in, nil
}

func optionsFromConfig() []metric.Float64HistogramOption { return nil }
