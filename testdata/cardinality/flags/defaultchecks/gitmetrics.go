// Package defaultchecks is checked with the default -cardinality.checks:
// coarse-buckets is off, so a histogram whose buckets start at 100 ms (a
// floor its authors chose for network git operations) is not reported,
// while the other checks are.
package defaultchecks

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

var gitRequestDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "gitsync_git_request_duration_seconds",
	Help:    "Duration of git requests to remote repositories.",
	Buckets: []float64{0.1, 0.25, 0.5, 1, 2, 4, 10, 20},
}, []string{"request_type"})

var webhookRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "gitsync_webhook_requests_total",
	Help: "Webhook deliveries received.",
}, []string{"path"})

func init() {
	prometheus.MustRegister(gitRequestDuration, webhookRequests)
}

func Webhook(w http.ResponseWriter, r *http.Request) {
	webhookRequests.WithLabelValues(r.URL.Path).Inc() // want `label "path" of gitsync_webhook_requests_total gets r.URL.Path.* \(cardinality/value\)`
	w.WriteHeader(http.StatusAccepted)
}
