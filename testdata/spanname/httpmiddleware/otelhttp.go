package httpmiddleware

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

const serverOperation = "http.server"

// Server wires the mux behind otelhttp, as the guide does.
func Server(mux *http.ServeMux) http.Handler {
	return otelhttp.NewHandler(mux, serverOperation)
}

func Orders(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "Shop.Orders")
}

// Legacy and Payments pass operations that would be off-convention as span
// names; since otelhttp v0.69 the operation names spans only through a
// formatter.
func Legacy(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "handler")
}

// API wires the whole mux the way most services do.
func API(mux *http.ServeMux) http.Handler {
	return otelhttp.NewHandler(mux, "server")
}

// PerRequest gives the operation the raw path. Since v0.69, with no
// formatter, otelhttp names the span "{method} {route}" and never reads the
// operation: no span is named after the path.
func PerRequest(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otelhttp.NewHandler(h, r.URL.Path).ServeHTTP(w, r)
	})
}

// Anonymous leaves the operation empty, which this otelhttp does not read.
func Anonymous() func(http.Handler) http.Handler {
	return otelhttp.NewMiddleware("")
}

func Payments() func(http.Handler) http.Handler {
	return otelhttp.NewMiddleware("payments api")
}

// PathFormatter names every span after the raw path.
func PathFormatter(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, serverOperation,
		otelhttp.WithSpanNameFormatter(func(operation string, r *http.Request) string {
			return operation + " " + r.URL.Path // want `^span name is built from r\.URL\.Path \(the raw request path\), .* \(spanname/dynamic\)$`
		}),
	)
}

// RouteFormatter uses only bounded inputs.
func RouteFormatter(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, serverOperation,
		otelhttp.WithSpanNameFormatter(func(operation string, r *http.Request) string {
			if r.Pattern != "" {
				return r.Method + " " + r.Pattern
			}
			return operation
		}),
	)
}

func methodFormatter(_ string, r *http.Request) string {
	return "HTTP " + r.Method
}

func queryFormatter(_ string, r *http.Request) string {
	if q := r.URL.Query().Get("op"); q != "" {
		return "Search." + q // want `^span name is built from r\.URL\.Query\(\)\.Get\("op"\) \(a value the client chooses\), .* \(spanname/dynamic\)$`
	}
	return "Search.Query"
}

func Client() *http.Client {
	return &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithSpanNameFormatter(methodFormatter))}
}

func Search(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "Shop.Search", otelhttp.WithSpanNameFormatter(queryFormatter))
}

// Route registers h under a ServeMux pattern and names its spans after the
// pattern: a route template, not a path.
func Route(mux *http.ServeMux, pattern string, h http.HandlerFunc) {
	mux.Handle(pattern, otelhttp.NewHandler(h, pattern))
}

func Routes(mux *http.ServeMux, orders, payments http.HandlerFunc) {
	Route(mux, "GET /orders/{id}", orders)
	Route(mux, "POST /payments", payments)
}

// Admin keeps its formatter in a variable.
func Admin(h http.Handler) http.Handler {
	format := func(_ string, r *http.Request) string {
		return "Admin " + r.RemoteAddr // want `^span name is built from r\.RemoteAddr \(a value the client chooses\), .* \(spanname/dynamic\)$`
	}
	return otelhttp.NewHandler(h, "Shop.Admin", otelhttp.WithSpanNameFormatter(format))
}

// tracingMiddleware wraps handlers with the options its owner configures, a span
// name formatter among them: the empty operation never becomes a name.
type tracingMiddleware struct {
	opts []otelhttp.Option
}

// newTracingMiddleware keeps the owner's options.
func newTracingMiddleware(opts ...otelhttp.Option) *tracingMiddleware {
	return &tracingMiddleware{opts: opts}
}

// Wrap instruments next.
func (t *tracingMiddleware) Wrap(next http.Handler) http.Handler {
	return otelhttp.NewHandler(next, "", t.opts...)
}

// WrapNamed names its spans through a formatter of its own.
func WrapNamed(next http.Handler) http.Handler {
	return otelhttp.NewHandler(next, "", otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
		return r.Method + " " + r.Pattern
	}))
}

// WrapPlain spells out its options, none of which names spans: otelhttp
// names them "{method} {route}", and the empty operation is unused.
func WrapPlain(next http.Handler) http.Handler {
	return otelhttp.NewHandler(next, "", otelhttp.WithServerName("shop"))
}
