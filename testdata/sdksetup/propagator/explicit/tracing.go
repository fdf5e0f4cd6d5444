// Package tracing builds the tracer provider of an API router and the
// middleware that traces its requests. The propagators are configured
// (W3C, B3, Jaeger) and handed to the middleware explicitly, so the
// router does not rely on the global propagator and is not reported.
package tracing

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Config is the router's tracing configuration.
type Config struct {
	Endpoint    string
	Propagators []propagation.TextMapPropagator
}

// NewProvider builds the provider and installs it globally; the caller
// shuts it down.
func NewProvider(ctx context.Context, cfg Config) (*sdktrace.TracerProvider, error) {
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(cfg.Endpoint))
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp)
	return tp, nil
}

// Middleware traces the router's requests with the configured propagators.
func Middleware(cfg Config, next http.Handler) http.Handler {
	opts := []otelhttp.Option{}
	if len(cfg.Propagators) > 0 {
		opts = append(opts, otelhttp.WithPropagators(propagation.NewCompositeTextMapPropagator(cfg.Propagators...)))
	}
	return otelhttp.NewHandler(next, "router", opts...)
}
