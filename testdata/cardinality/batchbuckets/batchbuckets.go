// Package batchbuckets holds the histograms of a compactor: jobs that run
// for seconds to minutes in the background, and latencies recorded as
// native histograms.
package batchbuckets

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	compactionDuration = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "compactor_compaction_duration_seconds",
		Help:    "Time one compaction run took.",
		Buckets: []float64{0.01, 0.1, 1, 10, 60, 300, 900, 1800}, // ok: a background job of minutes
	})
	syncDuration = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "compactor_meta_sync_duration_seconds",
		Buckets: prometheus.ExponentialBuckets(0.25, 2, 10), // ok: up to two minutes
	})
	fetchLatency = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:                            "compactor_fetch_duration_seconds",
		Buckets:                         prometheus.ExponentialBuckets(0.125, 2, 6), // ok: native buckets set the resolution
		NativeHistogramBucketFactor:     1.1,
		NativeHistogramMaxBucketNumber:  100,
		NativeHistogramMinResetDuration: time.Hour,
	})
	requestLatency = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "compactor_api_request_duration_seconds",
		Buckets: []float64{0.005, 0.1, 0.5, 1, 5, 10}, // want `^bucket boundaries \[0\.005, 0\.1, 0\.5, 1, 5, 10\] of histogram "compactor_api_request_duration_seconds" cannot tell 10ms from 100ms: .* \(cardinality/coarse-buckets\)$`
	})
)

// Observe records one of each.
func Observe(d time.Duration) {
	compactionDuration.Observe(d.Seconds())
	syncDuration.Observe(d.Seconds())
	fetchLatency.Observe(d.Seconds())
	requestLatency.Observe(d.Seconds())
}
