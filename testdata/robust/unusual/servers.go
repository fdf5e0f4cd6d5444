package unusual

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel/propagation"
)

// serveDefault serves http.DefaultServeMux (a nil handler) and a router
// reassigned on one path; neither is evidence of an uninstrumented server.
func serveDefault(swap bool, h http.Handler) error {
	mux := http.NewServeMux()
	if swap {
		mux = nil
	}
	go func() { _ = http.ListenAndServe(":8081", mux) }()
	srv := http.Server{Handler: h}
	_ = srv
	return http.ListenAndServe(":8080", nil)
}

// mapCarrier is a carrier over a plain map: its Keys returning nil is not
// about message headers.
type mapCarrier map[string]string

func (m mapCarrier) Get(k string) string { return m[k] }
func (m mapCarrier) Set(k, v string)     { m[k] = v }
func (m mapCarrier) Keys() []string      { return nil }

var _ propagation.TextMapCarrier = mapCarrier{}

// send uses a client method value and a request from a parameter.
func send(ctx context.Context, req *http.Request) (*http.Response, error) {
	do := http.DefaultClient.Do
	return do(req.WithContext(ctx))
}
