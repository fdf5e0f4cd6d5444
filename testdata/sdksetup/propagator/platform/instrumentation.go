// Package instrumentation is a platform's telemetry SDK: it builds the
// providers once and hands them to the services that import it, which
// configure their router and client instrumentation with them (and with the
// propagators they choose) explicitly. The global provider is only a fallback
// for third-party code, so the missing global propagator is not reported:
// whether the importers pass propagators is out of this package's sight.
package instrumentation

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// SDK owns the process's providers.
type SDK struct {
	tp *sdktrace.TracerProvider
}

// New builds the SDK from the collector endpoint.
func New(ctx context.Context, endpoint string) (*SDK, error) {
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(endpoint))
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	// Third-party libraries that only know the global provider use it too.
	otel.SetTracerProvider(tp)
	return &SDK{tp: tp}, nil
}

// TracerProvider is the provider services give their instrumentation.
func (s *SDK) TracerProvider() trace.TracerProvider { return s.tp }

// Stop flushes the spans still buffered.
func (s *SDK) Stop(ctx context.Context) error {
	if s.tp == nil {
		return errors.New("instrumentation: not started")
	}
	return s.tp.Shutdown(ctx)
}
