// Package allow is checked with -cardinality.allow=path,device_id: its
// "path" attribute holds a bounded set of API paths (a gateway with fixed
// routes), and device ids are a small fleet.
package allow

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var (
	calls, _  = otel.Meter("gateway").Int64Counter("gateway.calls")
	promCalls = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gateway_calls_total"}, []string{"path", "device_id", "user_id"}) // want `label "user_id" names a user id.* \(cardinality/key\)`
)

func Proxy(w http.ResponseWriter, r *http.Request) {
	calls.Add(r.Context(), 1, metric.WithAttributes(
		attribute.String("path", r.URL.Path),
		attribute.String("api.path", r.URL.Path),
		attribute.String("device.id", r.Header.Get("X-Device")),
		attribute.String("route", r.URL.Path), // want `metric attribute "route" gets r.URL.Path \(a raw request path\).* \(cardinality/value\)`
	))
	promCalls.WithLabelValues(r.URL.Path, r.Header.Get("X-Device"), r.Header.Get("X-User")).Inc()
}
