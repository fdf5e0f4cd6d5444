// Package routemetrics declares the HTTP metrics of a server; its
// middleware package fills the "path" label with the matched route. A
// label named "path" holds a route template as often as a raw path, so
// only the values given to it can tell: they are judged where they are
// set, not here.
package routemetrics

import "github.com/prometheus/client_golang/prometheus"

var HTTPRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
	Namespace: "node",
	Name:      "incoming_http_requests_total",
	Help:      "Number of incoming HTTP requests.",
}, []string{"path", "method", "status"})

// requestURLs is another matter: a URL label is the full URL by name.
var requestURLs = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "outgoing_requests_total",
}, []string{"url"}) // want `label "url" names a full URL, an unbounded value`

func init() {
	prometheus.MustRegister(HTTPRequests, requestURLs)
}
