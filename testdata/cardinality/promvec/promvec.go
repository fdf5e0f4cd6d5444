// Package promvec is an HTTP service instrumented with Prometheus vectors.
package promvec

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/trace"
)

var labelNames = []string{"route", "session_id"} // want `label "session_id" names a session id, an unbounded value.* \(cardinality/key\)`

var (
	requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "shop",
		Name:      "http_requests_total",
		Help:      "Requests by route, method and status.",
	}, []string{"route", "method", "code"})

	perUser = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "user_requests_total"},
		[]string{"user_id", "method"}) // want `label "user_id" names a user id, an unbounded value: every distinct value is a new time series; move it to a span attribute or log field \(cardinality/key\)`

	sessions = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "sessions_active"}, labelNames)

	latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "http_request_duration_seconds",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})

	sizes = prometheus.NewSummaryVec(prometheus.SummaryOpts{Name: "http_response_size_bytes"},
		[]string{"route", "client_ip"}) // want `label "client_ip" names an IP address.* \(cardinality/key\)`

	orders = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "orders_total"}, orderLabels)

	hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"path"})
)

func init() {
	prometheus.MustRegister(requests, perUser, sessions, latency, sizes, hits)
}

type Server struct {
	errors *prometheus.CounterVec
}

// NewServer builds its vectors once: no per-request finding.
func NewServer(reg prometheus.Registerer) *Server {
	s := &Server{
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "errors_total"}, []string{"route", "kind"}),
	}
	reg.MustRegister(s.errors)
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	code := http.StatusOK
	w.WriteHeader(code)

	requests.WithLabelValues(r.Pattern, r.Method, strconv.Itoa(code)).Inc()
	requests.WithLabelValues(r.URL.Path, r.Method, "200").Inc() // want `label "route" of shop_http_requests_total gets r.URL.Path \(a raw request path\): every distinct value is a new time series; use the route pattern.* \(cardinality/value\)`
	perUser.WithLabelValues(r.Header.Get("X-User"), r.Method).Inc()
	latency.WithLabelValues(r.Pattern).Observe(time.Since(start).Seconds())
	latency.WithLabelValues(time.Since(start).String()).Observe(1) // want `label "route" of http_request_duration_seconds gets time.Since\(start\).String\(\) \(an elapsed time from time.Since\(start\)\).* \(cardinality/value\)`
	hits.WithLabelValues(r.URL.Path).Inc()                         // want `label "path" of hits_total gets r\.URL\.Path \(a raw request path\).* \(cardinality/value\)`

	s.errors.With(prometheus.Labels{"route": r.Pattern, "kind": "timeout"}).Inc()
	s.errors.With(prometheus.Labels{"route": r.RequestURI, "kind": "timeout"}).Inc() // want `label "route" of errors_total gets r.RequestURI \(the raw request URI\).* \(cardinality/value\)`
	s.errors.With(prometheus.Labels{
		"route":      r.Pattern,
		"request_id": r.Header.Get("X-Request-ID"), // want `label "request_id" of errors_total names a request id, an unbounded value.* \(cardinality/key\)`
	}).Inc()

	labels := prometheus.Labels{"route": r.Pattern}
	labels["kind"] = r.RemoteAddr // want `label "kind" of errors_total gets r.RemoteAddr \(the client address\).* \(cardinality/value\)`
	s.errors.With(labels).Inc()

	c, err := s.errors.GetMetricWithLabelValues(r.Pattern, r.URL.RawQuery) // want `label "kind" of errors_total gets r.URL.RawQuery \(a query string\).* \(cardinality/value\)`
	if err == nil {
		c.Inc()
	}
	curried := s.errors.MustCurryWith(prometheus.Labels{"route": r.URL.EscapedPath()}) // want `label "route" of errors_total gets r.URL.EscapedPath\(\) \(a raw request path\).* \(cardinality/value\)`
	curried.WithLabelValues("db").Inc()

	// Exemplars are where trace ids belong: no finding.
	tid := trace.SpanFromContext(r.Context()).SpanContext().TraceID().String()
	if ea, ok := requests.WithLabelValues(r.Pattern, r.Method, "200").(prometheus.ExemplarAdder); ok {
		ea.AddWithExemplar(1, prometheus.Labels{"trace_id": tid})
	}
}

// The V2 constructors take their label names in the options.
var (
	v2Requests = prometheus.V2.NewCounterVec(prometheus.CounterVecOpts{
		CounterOpts:    prometheus.CounterOpts{Name: "v2_requests_total"},
		VariableLabels: prometheus.UnconstrainedLabels{"route", "trace_id"}, // want `label "trace_id" names a trace id.* \(cardinality/key\)`
	})
	v2Latency = prometheus.V2.NewHistogramVec(prometheus.HistogramVecOpts{
		HistogramOpts: prometheus.HistogramOpts{
			Name:    "v2_request_latency_seconds",
			Buckets: []float64{0.25, 0.5, 1}, // want `bucket boundaries \[0.25, 0.5, 1\] of histogram "v2_request_latency_seconds" cannot tell 10ms from 100ms.* \(cardinality/coarse-buckets\)`
		},
		VariableLabels: prometheus.UnconstrainedLabels{"route"},
	})
)

func v2Handler(w http.ResponseWriter, r *http.Request) {
	v2Requests.WithLabelValues(r.Pattern, r.Header.Get("X-Trace-ID")).Inc()
	v2Latency.WithLabelValues(r.URL.Path).Observe(1) // want `label "route" of v2_request_latency_seconds gets r.URL.Path \(a raw request path\).* \(cardinality/value\)`
}

var _ = v2Handler
