// Package promreader serves metrics to a Prometheus scrape: the exporter is
// a reader that holds nothing between scrapes, so a provider reading only
// through it loses nothing without Shutdown.
package promreader

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Metrics installs a meter provider that Prometheus scrapes.
func Metrics(res *resource.Resource) (http.Handler, error) {
	reg := prometheus.NewRegistry()
	exporter, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		return nil, err
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithResource(res), sdkmetric.WithReader(exporter)) // ok: pulled by the scrape
	otel.SetMeterProvider(mp)
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{}), nil
}

// Both scrapes and pushes: the periodic reader holds up to an interval of
// metrics.
func Both(exporter *otelprom.Exporter, push sdkmetric.Exporter) {
	mp := sdkmetric.NewMeterProvider( // want `^meter provider created here is never shut down, so metrics still buffered at exit are lost; .* \(sdksetup/shutdown\)$`
		sdkmetric.WithReader(exporter),
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(push)),
	)
	otel.SetMeterProvider(mp)
}

// Tracing still batches spans: its provider must be shut down.
func Tracing(ctx context.Context) error {
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	otel.SetTracerProvider(tp)                                  // want `^this package installs a global TracerProvider but never calls otel\.SetTextMapPropagator, .* \(sdksetup/propagator\)$`
	return nil
}

// Handler keeps otelhttp from recording its own metrics: a meter provider
// without a reader records nothing and has nothing to flush.
func Handler(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "api", otelhttp.WithMeterProvider(sdkmetric.NewMeterProvider()))
}

// Install builds a provider from options it is given: they may add readers.
func Install(opts ...sdkmetric.Option) {
	mp := sdkmetric.NewMeterProvider(opts...) // want `^meter provider created here is never shut down`
	otel.SetMeterProvider(mp)
}
