// Package dashlinks counts test runs of a CI service. Each series carries
// a link to the test's page on the dashboard, built from the configured
// dashboard address and the test's name, which is already a label: the
// link is one value per series and adds none.
package dashlinks

import (
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var runsTotal = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "ci_test_runs_total",
	Help: "Test runs by test and result.",
}, []string{"name", "result", "test_url"})

var runSeconds = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "ci_test_run_duration_seconds",
	Help:    "Test run duration.",
	Buckets: []float64{0.05, 0.1, 0.5, 1, 5, 30, 120},
}, []string{"suite", "test_url"})

// Metrics is what the runner records through.
type Metrics struct {
	Runs     *prometheus.CounterVec
	Duration *prometheus.HistogramVec
}

func New() Metrics {
	return Metrics{Runs: runsTotal, Duration: runSeconds}
}

type Run struct {
	Suite, Test, Result string
	Seconds             float64
}

// Finished records one run; dashboard is the configured dashboard address.
func (m Metrics) Finished(r Run, dashboard string) {
	m.Runs.With(prometheus.Labels{
		"name":     r.Test,
		"result":   r.Result,
		"test_url": fmt.Sprintf("%s/tests/%s", dashboard, r.Test),
	}).Inc()
	m.Duration.WithLabelValues(r.Suite, dashboard+"/suites/"+r.Suite).Observe(r.Seconds)
}

// Requests counts API calls by URL: the raw path is not derived from any
// other label.
var requests = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "ci_api_requests_total",
	Help: "API requests.",
}, []string{"method", "url"}) // want `label "url" names a full URL, an unbounded value`

func Count(r *http.Request) {
	requests.WithLabelValues(r.Method, "https://ci.example.com"+r.URL.Path).Inc()
}

// pageViews builds the link from the page's id, which no other label
// holds: every page is a new series.
var pageViews = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "ci_page_views_total",
	Help: "Dashboard page views.",
}, []string{"kind", "page_url"}) // want `label "page_url" names a full URL`

func View(kind, pageID, dashboard string) {
	pageViews.With(prometheus.Labels{
		"kind":     kind,
		"page_url": fmt.Sprintf("%s/pages/%s", dashboard, pageID), // want `label "page_url" of ci_page_views_total names a full URL`
	}).Inc()
}
