// Package semconvattrs records metrics with semantic-convention helpers.
package semconvattrs

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

var requests, _ = otel.Meter("shop/api").Int64Counter("http.server.requests")

func Handle(w http.ResponseWriter, r *http.Request) {
	requests.Add(r.Context(), 1, metric.WithAttributes(
		semconv.HTTPRoute(r.Pattern),
		semconv.HTTPRequestMethodKey.String(r.Method),
		semconv.URLScheme("https"),
		semconv.URLFull(r.URL.String()),               // want `metric attribute "url.full" names a full URL, an unbounded value.* \(cardinality/key\)`
		semconv.EnduserID(r.Header.Get("X-User")),     // want `metric attribute "enduser.id" names a user id.* \(cardinality/key\)`
		semconv.ClientAddressKey.String(r.RemoteAddr), // want `metric attribute "client.address" names a client address.* \(cardinality/key\)`
		semconv.ServerAddress(r.Host),
		semconv.UserAgentOriginal(r.UserAgent()), // want `metric attribute "user_agent.original" gets r.UserAgent\(\) \(a user agent string\).* \(cardinality/value\)`
		attribute.Key("tenant").String(r.Header.Get("X-Tenant")),
	))
}
