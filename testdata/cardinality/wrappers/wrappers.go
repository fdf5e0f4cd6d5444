// Package wrappers is an in-house metrics facade: generic helpers, methods
// and closures between the service code and the OpenTelemetry API.
package wrappers

import (
	"context"
	"net/http"

	attr "go.opentelemetry.io/otel/attribute"
	om "go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
)

// Version is set by the linker: one value per process.
var Version = "dev"

// Counter is a generic facade over a counter.
type Counter[T ~string] struct {
	inner om.Int64Counter
	key   string
}

// NewCounter builds the instrument once.
func NewCounter[T ~string](m om.Meter, name, key string) *Counter[T] {
	c, _ := m.Int64Counter(name)
	return &Counter[T]{inner: c, key: key}
}

// Inc records v under the counter's key.
func (c *Counter[T]) Inc(ctx context.Context, v T) {
	c.inner.Add(ctx, 1, om.WithAttributes(attr.String(c.key, string(v))))
}

// Observe records extra attributes.
func (c *Counter[T]) Observe(ctx context.Context, attrs ...attr.KeyValue) {
	c.inner.Add(ctx, 1, om.WithAttributes(attrs...))
}

type Route string

const (
	RouteHome  Route = "/"
	RouteOrder Route = "/orders/{id}"
)

type App struct {
	routes *Counter[Route]
	meter  om.Meter
}

// New wires the app; the meter is any implementation of metric.Meter.
func New() *App {
	m := noop.NewMeterProvider().Meter("shop")
	return &App{routes: NewCounter[Route](m, "app.routes", "http.route"), meter: m}
}

func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a.routes.Inc(ctx, RouteOrder)
	a.routes.Observe(ctx, attr.String("app.version", Version), attr.String("build", Version))
	a.routes.Observe(ctx, attr.String("request.id", r.Header.Get("X-Request-ID"))) // want `metric attribute "request.id" \(recorded through Observe\) names a request id.* \(cardinality/key\)`

	track := func(key, value string) {
		a.routes.Observe(ctx, attr.String(key, value))
	}
	track("route", string(RouteHome))

	// A noop Meter is still a Meter.
	c, _ := a.meter.Int64UpDownCounter("app.active")                    // want `Int64UpDownCounter "app.active" creates an instrument on every request \(in HTTP handler ServeHTTP\).* \(cardinality/per-request-instrument\)`
	c.Add(ctx, 1, om.WithAttributes(attr.String("peer", r.RemoteAddr))) // want `metric attribute "peer" gets r.RemoteAddr \(the client address\).* \(cardinality/value\)`
}
