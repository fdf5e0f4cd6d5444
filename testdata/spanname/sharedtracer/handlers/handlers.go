// Package handlers starts spans on the shared tracer without importing
// OpenTelemetry: the rule still sees them.
package handlers

import (
	"net/http"

	"otellint.test/spanname/sharedtracer/tracing"
)

// GetOrder names its span after the raw path.
func GetOrder(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracing.Tracer.Start(r.Context(), r.URL.Path) // want `^span name is built from r\.URL\.Path \(the raw request path\), .* \(spanname/dynamic\)$`
	defer span.End()
	_ = ctx
}

// ListOrders names its span after the route.
func ListOrders(w http.ResponseWriter, r *http.Request) {
	_, span := tracing.Tracer.Start(r.Context(), "GET /orders")
	defer span.End()
}
