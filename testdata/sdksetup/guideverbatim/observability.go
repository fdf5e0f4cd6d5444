// Package observability is the guide's InitObservability as printed (step
// 6.1, stdout exporters standing in for OTLP). It shuts its providers down,
// but it never installs a propagator: the guide's OTEL_PROPAGATORS setting
// is only read through autoprop, and the Go SDK's global default propagator
// is a no-op, so every trace stops at this service's border.
package observability

import (
	"context"
	"fmt"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.21.0"
)

// InitObservability initializes Tracer and Meter (production-ready complete example)
func InitObservability(ctx context.Context, serviceName, version, env string) (func(), error) {
	// 1. Create resource (note error handling)
	res, err := resource.New(ctx,
		resource.WithAttributes(
			semconv.ServiceName(serviceName),
			semconv.ServiceVersion(version),
			semconv.DeploymentEnvironment(env),
		),
	)
	if err != nil {
		return nil, fmt.Errorf("failed to create resource: %w", err)
	}

	// 2. Initialize TracerProvider
	traceExporter, err := stdouttrace.New()
	if err != nil {
		return nil, fmt.Errorf("failed to create trace exporter: %w", err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
		sdktrace.WithSampler(sdktrace.TraceIDRatioBased(0.1)), // 10% sampling
	)
	otel.SetTracerProvider(tp) // want `^this package installs a global TracerProvider but never calls otel\.SetTextMapPropagator, so the default no-op propagator drops trace context at every process boundary; .* \(sdksetup/propagator\)$`

	// 3. Initialize MeterProvider
	metricExporter, err := stdoutmetric.New()
	if err != nil {
		return nil, fmt.Errorf("failed to create metric exporter: %w", err)
	}
	mp := metric.NewMeterProvider(
		metric.WithReader(
			metric.NewPeriodicReader(metricExporter,
				metric.WithInterval(10*time.Second), // Export every 10 seconds
			),
		),
		metric.WithResource(res),
	)
	otel.SetMeterProvider(mp)

	// 4. Return cleanup function (must be called, otherwise data loss)
	return func() {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()

		// Shut down TracerProvider first
		if err := tp.Shutdown(shutdownCtx); err != nil {
			fmt.Printf("Error shutting down tracer provider: %v\n", err)
		}

		// Then shut down MeterProvider
		if err := mp.Shutdown(shutdownCtx); err != nil {
			fmt.Printf("Error shutting down meter provider: %v\n", err)
		}
	}, nil
}
