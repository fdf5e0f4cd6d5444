package chained

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// newTracedRequest builds a request whose context carries a recording
// span, as the middleware would in production: the request is given the
// span's context in the same expression.
func newTracedRequest(t *testing.T, method, target string, body []byte) *http.Request {
	tp := sdktrace.NewTracerProvider()
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
	spanCtx, span := tp.Tracer("test").Start(t.Context(), "http.server")
	t.Cleanup(func() { span.End() })
	return httptest.NewRequest(method, target, bytes.NewReader(body)).WithContext(spanCtx)
}

// cloned gives the request a context with Clone.
func cloned(ctx context.Context, target string) *http.Request {
	return (httptest.NewRequest(http.MethodGet, target, nil)).Clone(ctx)
}

// bare builds a request without the context it has: reported.
func bare(ctx context.Context, target string) *http.Request {
	req := httptest.NewRequest(http.MethodGet, target, nil) // want `httptest\.NewRequest cannot carry ctx \(parameter of bare\); call httptest\.NewRequestWithContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	req.Header.Set("Accept", "application/json")
	return req
}

func TestHandler(t *testing.T) {
	h := http.NotFoundHandler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newTracedRequest(t, http.MethodPost, "/api/chat", []byte("{}")))
	h.ServeHTTP(rec, cloned(t.Context(), "/"))
	h.ServeHTTP(rec, bare(t.Context(), "/"))
}
