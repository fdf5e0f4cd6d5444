// Package checks is checked with -cardinality.checks=all,-key,-missing-unit:
// only unbounded values, per-request instruments and coarse buckets are
// reported.
package checks

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var meter = otel.Meter("shop/search")

func Search(w http.ResponseWriter, r *http.Request) {
	c, _ := meter.Int64Counter("search.requests") // want `Int64Counter "search.requests" creates an instrument on every request.* \(cardinality/per-request-instrument\)`
	c.Add(r.Context(), 1, metric.WithAttributes(
		attribute.String("user_id", r.Header.Get("X-User-ID")), // want `metric attribute "user_id" gets r.Header.Get\("X-User-ID"\) \(a user id from "X-User-ID"\).* \(cardinality/value\)`
		attribute.String("query", r.URL.Query().Get("q")),
	))
	h, _ := meter.Float64Histogram("search.duration", // want `Float64Histogram "search.duration" creates an instrument on every request.* \(cardinality/per-request-instrument\)`
		metric.WithExplicitBucketBoundaries(0.1, 1, 10)) // want `bucket boundaries \[0.1, 1, 10\] of histogram "search.duration" cannot tell 10ms from 100ms, whether read as seconds or milliseconds.* \(cardinality/coarse-buckets\)`
	h.Record(r.Context(), 1)
}
