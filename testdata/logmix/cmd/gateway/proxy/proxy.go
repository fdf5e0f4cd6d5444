// Package proxy is the request path of the gateway program. It lives in
// the program's cmd tree, but it serves traffic and traces it: its logs go
// to the production pipeline, so a stray print is a log line in the wrong
// format.
package proxy

import (
	"fmt"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("gateway/proxy")

// Serve runs the proxy.
func Serve(addr string, upstream http.Handler) error {
	slog.Info("proxy listening", "addr", addr)
	return http.ListenAndServe(addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), "proxy.forward")
		defer span.End()
		fmt.Printf("forwarding %s %s\n", r.Method, r.URL.Path) // want `^package uses slog for logging \(\d+ calls\); this fmt\.Printf call uses fmt: use slog \(logmix/mixed-libraries\)$`
		slog.DebugContext(ctx, "forwarded", "method", r.Method)
		upstream.ServeHTTP(w, r.WithContext(ctx))
	}))
}
