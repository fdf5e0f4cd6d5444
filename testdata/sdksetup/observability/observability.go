// Package observability is the guide's InitObservability (step 6.1) with
// the stdout exporters standing in for OTLP: it returns a cleanup func that
// shuts both providers down, so none of its set-up is reported.
package observability

import (
	"context"
	"fmt"
	"os"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
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
	traceExporter, err := stdouttrace.New(stdouttrace.WithPrettyPrint())
	if err != nil {
		return nil, fmt.Errorf("failed to create trace exporter: %w", err)
	}
	tp := sdktrace.NewTracerProvider( // ok: shut down by the returned cleanup
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
		sdktrace.WithSampler(sdktrace.TraceIDRatioBased(0.1)), // ok: 10% sampling
	)
	otel.SetTracerProvider(tp) // ok: the propagator is installed below
	installPropagator()

	// 3. Initialize MeterProvider
	metricExporter, err := stdoutmetric.New()
	if err != nil {
		return nil, fmt.Errorf("failed to create metric exporter: %w", err)
	}
	mp := metric.NewMeterProvider( // ok: shut down by the returned cleanup
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

// installPropagator is the same-package helper that sets the W3C propagator.
func installPropagator() {
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
}

// InitFromEnv is the guide's step 6.4: the resource and the sampler come
// from the OTEL_* environment variables.
func InitFromEnv(ctx context.Context) (func(context.Context) error, error) {
	res, err := resource.New(ctx, // ok: service.name from OTEL_SERVICE_NAME
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
		resource.WithHost(),
	)
	if err != nil {
		return nil, fmt.Errorf("failed to create resource: %w", err)
	}
	exporter, err := stdouttrace.New(stdouttrace.WithWriter(os.Stderr))
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider( // ok: its Shutdown method value is returned
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
	) // ok: no WithSampler, the SDK reads OTEL_TRACES_SAMPLER
	otel.SetTracerProvider(tp)
	return tp.Shutdown, nil
}
