// Package handlers records on the shared collectors without importing
// Prometheus: the rule still sees their label values.
package handlers

import (
	"net/http"

	"otellint.test/cardinality/sharedmetrics/metrics"
)

// GetOrder counts by raw path.
func GetOrder(w http.ResponseWriter, r *http.Request) {
	metrics.Requests.WithLabelValues(r.URL.Path).Inc() // want `label value gets r\.URL\.Path \(a raw request path\).* \(cardinality/value\)`
}

// ListOrders counts by route pattern.
func ListOrders(w http.ResponseWriter, r *http.Request) {
	metrics.Requests.WithLabelValues(r.Pattern).Inc()
}
