// Package filteroff sets up tracing and metrics; one MeterProvider drops
// every exemplar.
package filteroff

import (
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/exemplar"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func providers() (*sdktrace.TracerProvider, *sdkmetric.MeterProvider, *sdkmetric.MeterProvider) {
	tp := sdktrace.NewTracerProvider()
	off := sdkmetric.NewMeterProvider(
		sdkmetric.WithExemplarFilter(exemplar.AlwaysOffFilter), // want `exemplar.AlwaysOffFilter drops every exemplar: a latency bucket can no longer link to a trace that shows it, in a program that traces; remove the option \(the default filter keeps measurements made in sampled spans\) \(cardinality/exemplars\)`
	)
	// The default and the trace-based filter keep exemplars.
	traced := sdkmetric.NewMeterProvider(sdkmetric.WithExemplarFilter(exemplar.TraceBasedFilter))
	return tp, off, traced
}
