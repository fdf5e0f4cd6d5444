package promvec

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var upstreamSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "upstream_request_duration_seconds",
	Buckets: prometheus.DefBuckets,
}, []string{"route", "code", "peer"})

// upstreamTransport times the requests the service sends to its storage
// back end. On a request a client sends, RequestURI and RemoteAddr are
// empty: the labels hold one value each.
type upstreamTransport struct {
	next http.RoundTripper
}

func (t *upstreamTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	code := "error"
	if resp != nil {
		code = strconv.Itoa(resp.StatusCode)
	}
	upstreamSeconds.WithLabelValues(req.RequestURI, code, req.RemoteAddr).Observe(time.Since(start).Seconds())
	return resp, err
}

// sendPath labels by the outgoing URL's path instead, which does vary with
// every resource requested.
func sendPath(next http.RoundTripper, req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := next.RoundTrip(req)
	upstreamSeconds.WithLabelValues(req.URL.Path, "", "").Observe(time.Since(start).Seconds()) // want `label "route" of upstream_request_duration_seconds gets req\.URL\.Path \(a raw request path\).* \(cardinality/value\)`
	return resp, err
}
