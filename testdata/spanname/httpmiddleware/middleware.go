// Package httpmiddleware is the HTTP edge of a shop service: tracing
// middleware written by hand and through otelhttp.
package httpmiddleware

import (
	"fmt"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

var tracer = otel.Tracer("shop/httpmiddleware")

// Tracing is the guide's middleware: one span per request, named after the
// raw path.
func Tracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), fmt.Sprintf("%s %s", r.Method, r.URL.Path)) // want `^span name is built from r\.URL\.Path \(the raw request path\), which has unbounded cardinality; name the span after the route template \(r\.Pattern, or a constant such as "GET /orders/\{id\}"\) and record the path in the url\.path attribute \(spanname/dynamic\)$`
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// RouteTracing names the span after the matched ServeMux pattern.
func RouteTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), r.Method+" "+r.Pattern)
		defer span.End()
		span.SetAttributes(attribute.String("url.path", r.URL.Path))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// MethodTracing names the span the way otelhttp's client does.
func MethodTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), "HTTP "+r.Method)
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func URITracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), "HTTP "+r.RequestURI) // want `^span name is built from r\.RequestURI \(the raw request path\), which has unbounded cardinality; .* \(spanname/dynamic\)$`
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func URLTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.Method + " " + r.URL.String()
		ctx, span := tracer.Start(r.Context(), name) // want `^span name is built from r\.URL\.String\(\) \(the raw request path\), which has unbounded cardinality; .* \(spanname/dynamic\)$`
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// BuilderTracing builds the name piece by piece.
func BuilderTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(r.Method)
		b.WriteByte(' ')
		b.WriteString(strings.TrimSuffix(r.URL.Path, "/"))
		ctx, span := tracer.Start(r.Context(), b.String()) // want `^span name is built from r\.URL\.Path \(the raw request path\), .* \(spanname/dynamic\)$`
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// BoundedBuilderTracing writes only bounded parts into the builder.
func BoundedBuilderTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(r.Method)
		fmt.Fprintf(&b, " %s", r.Pattern)
		ctx, span := tracer.Start(r.Context(), b.String())
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// TenantTracing puts a header value in the name.
func TenantTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tenant := r.Header.Get("X-Tenant")
		ctx, span := tracer.Start(r.Context(), "Gateway.Route "+tenant) // want `^span name is built from r\.Header\.Get\("X-Tenant"\) \(a value the client chooses\), which has unbounded cardinality; name the span after the route template \(r\.Pattern, or a constant such as "GET /orders/\{id\}"\) and record the value as a span attribute \(spanname/dynamic\)$`
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Name reads the route pattern, which is bounded.
func spanName(r *http.Request) string {
	if r.Pattern == "" {
		return "HTTP " + r.Method
	}
	return r.Method + " " + r.Pattern
}

func NamedTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), spanName(r))
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// rawName is the same helper gone wrong.
func rawName(r *http.Request) string {
	return strings.ToLower(r.Method) + " " + r.URL.EscapedPath()
}

func RawNamedTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), rawName(r)) // want `^span name is built from rawName\(r\) \(the raw request path from r\.URL\.EscapedPath\(\)\), .* \(spanname/dynamic\)$`
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
