package promvec

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// A label named "path" is fine when every value the package gives it is a
// route pattern: many services name their route label so.
var routeLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_route_duration_seconds",
	Buckets: prometheus.DefBuckets,
}, []string{"path", "method"})

// rawHits gets raw paths from one caller: its label is still reported.
var rawHits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "raw_hits_total"}, []string{"path"})

func init() {
	prometheus.MustRegister(routeLatency, rawHits)
}

// Instrument records the Go 1.22 route pattern of each request.
func Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		routeLatency.WithLabelValues(r.Pattern, r.Method).Observe(time.Since(start).Seconds())
		rawHits.WithLabelValues(r.Pattern).Inc()
	})
}

// Legacy counts hits by raw path.
func Legacy(w http.ResponseWriter, r *http.Request) {
	rawHits.WithLabelValues(r.URL.Path).Inc() // want `label "path" of raw_hits_total gets r\.URL\.Path \(a raw request path\).* \(cardinality/value\)`
}

// routeMetrics keeps its vector in a field, registered on a registry.
type routeMetrics struct {
	served *prometheus.CounterVec
}

func newRouteMetrics(reg prometheus.Registerer) *routeMetrics {
	m := &routeMetrics{
		served: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "route_served_total"}, []string{"path"}),
	}
	reg.MustRegister(m.served)
	return m
}

func (m *routeMetrics) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		m.served.WithLabelValues(r.Pattern).Inc()
	})
}

var _ = newRouteMetrics
var _ = (*routeMetrics).wrap
