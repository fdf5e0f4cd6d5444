// Package tracingbackend holds a proxy's tracing back ends. Each one
// builds and installs the provider and hands the proxy a tracer to start
// its spans with; the proxy's tracing package, which calls Setup, chooses
// the propagators the spans travel with. Whether it sets them is out of
// this package's sight, so the missing global propagator is not reported.
package tracingbackend

import (
	"context"
	"io"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// OTLP exports spans to an OTLP/HTTP collector.
type OTLP struct {
	Endpoint   string
	SampleRate float64
}

type closer struct{ tp *sdktrace.TracerProvider }

func (c closer) Close() error { return c.tp.Shutdown(context.Background()) }

// Setup installs the provider and returns the proxy's tracer.
func (o *OTLP) Setup(ctx context.Context, service string) (trace.Tracer, io.Closer, error) {
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(o.Endpoint))
	if err != nil {
		return nil, nil, err
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(o.SampleRate))),
		sdktrace.WithBatcher(exp),
	)
	otel.SetTracerProvider(tp)
	return tp.Tracer(service), closer{tp: tp}, nil
}
