// Package middleware is HTTP middleware recording request metrics with
// OpenTelemetry.
package middleware

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

var (
	meter  = otel.Meter("shop/http")
	tracer = otel.Tracer("shop/http")
)

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Metrics records request counts and durations. The instruments are built
// once, when the middleware is installed: no finding.
func Metrics(next http.Handler) http.Handler {
	requests, _ := meter.Int64Counter("http.server.requests")
	duration, _ := meter.Float64Histogram("http.server.request.duration", metric.WithUnit("s"))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)

		requests.Add(r.Context(), 1, metric.WithAttributes(
			attribute.String("http.route", r.Pattern),
			attribute.String("http.request.method", r.Method),
			attribute.String("http.status_class", statusClass(rec.status)),
			attribute.String("url.path", r.URL.Path), // want `metric attribute "url.path" names a raw path, an unbounded value: every distinct value is a new time series; use the route pattern \(r.Pattern, or your router's template\) instead, or move it to a span attribute \(cardinality/key\)`
			attribute.String("endpoint", r.URL.Path), // want `metric attribute "endpoint" gets r.URL.Path \(a raw request path\): every distinct value is a new time series; use the route pattern .* \(cardinality/value\)`
			attribute.String("client", r.RemoteAddr), // want `metric attribute "client" gets r.RemoteAddr \(the client address\): .* \(cardinality/value\)`
			attribute.String("target", r.RequestURI), // want `metric attribute "target" gets r.RequestURI \(the raw request URI\).* \(cardinality/value\)`
			attribute.String("page", r.URL.String()), // want `metric attribute "page" gets r.URL.String\(\) \(a full URL\).* \(cardinality/value\)`
			attribute.String("status", strconv.Itoa(rec.status)),
		))
		duration.Record(r.Context(), time.Since(start).Seconds(), metric.WithAttributes(
			attribute.String("http.route", r.Pattern),
			attribute.String("user_id", r.Header.Get("X-User-ID")),   // want `metric attribute "user_id" names a user id, an unbounded value: every distinct value is a new time series; move it to a span attribute or log field \(cardinality/key\)`
			attribute.String("caller", r.Header.Get("X-Request-ID")), // want `metric attribute "caller" gets r.Header.Get\("X-Request-ID"\) \(a request id from "X-Request-ID"\).* \(cardinality/value\)`
		))
	})
}

// statusClass maps a status code to its class with a switch over
// constants: bounded.
func statusClass(code int) string {
	var class string
	switch {
	case code >= 500:
		class = "5xx"
	case code >= 400:
		class = "4xx"
	case code >= 300:
		class = "3xx"
	default:
		class = "2xx"
	}
	return class
}

// Tracing puts the same high-cardinality values on spans and in logs,
// where they belong: no finding.
func Tracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), r.Pattern, trace.WithAttributes(
			attribute.String("url.path", r.URL.Path),
			attribute.String("client.address", r.RemoteAddr),
			attribute.String("user_id", r.Header.Get("X-User-ID")),
		))
		defer span.End()
		span.SetAttributes(
			attribute.String("url.full", r.URL.String()),
			attribute.String("request_id", r.Header.Get("X-Request-ID")),
		)
		slog.InfoContext(ctx, "request", "path", r.URL.Path, "user_id", r.Header.Get("X-User-ID"))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Route follows a value through locals: the raw path is replaced by the
// route pattern before it is recorded.
func Route(next http.Handler) http.Handler {
	hits, _ := meter.Int64Counter("http.server.hits")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route := r.URL.Path
		route = r.Pattern
		hits.Add(r.Context(), 1, metric.WithAttributes(attribute.String("http.route", route)))

		p := r.URL.Path
		if r.Pattern != "" {
			p = r.Pattern
		}
		hits.Add(r.Context(), 1, metric.WithAttributes(attribute.String("http.route", p))) // want `metric attribute "http.route" gets p \(a raw request path from r.URL.Path\).* \(cardinality/value\)`
		next.ServeHTTP(w, r)
	})
}
