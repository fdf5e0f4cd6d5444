package usagetelemetry

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// legacyRoutes keeps the old scrape path for agents that cannot parse
// OpenMetrics.
func legacyRoutes(mux *http.ServeMux) {
	mux.Handle("/metrics/legacy", promhttp.Handler())
}
