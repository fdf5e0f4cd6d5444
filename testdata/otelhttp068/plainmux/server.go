// Package plainmux serves an API with an otelhttp version that still names
// server spans after the handler's operation (before v0.69).
package plainmux

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {})
	return mux
}

// Handler names every server span "orders-api".
func Handler() http.Handler {
	return otelhttp.NewHandler(routes(), "orders-api")
}

// Unnamed leaves every server span without a name.
func Unnamed() http.Handler {
	return otelhttp.NewHandler(routes(), "") // want `^span name is empty; name the operation the span measures in package plainmux, e\.g\. "plainmux\.<action>" with the action it performs \(spanname/empty\)$`
}

// PerPath names each span after the raw path.
func PerPath(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otelhttp.NewHandler(next, r.URL.Path).ServeHTTP(w, r) // want `^span name is built from r\.URL\.Path \(the raw request path\), which has unbounded cardinality; name the span after the route template .* \(spanname/dynamic\)$`
	})
}
