// Package checksflag has one client finding and one server finding; the
// test switches checks off with -propagation.checks.
package checksflag

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("checksflag")

// Get sends a traced request with http.DefaultClient.
func Get(ctx context.Context, url string) error {
	ctx, span := tracer.Start(ctx, "Get")
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient sends a request`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func hello(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "hello")
	defer span.End()
}

// Listen serves a bare mux.
func Listen() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", hello)
	return http.ListenAndServe(":8080", mux) // want `HTTP server handler mux`
}
