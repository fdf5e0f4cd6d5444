// Package syncfix builds exporters that block the caller on every span or
// log record; the suggested fixes switch them to batching.
package syncfix

import (
	"context"

	"go.opentelemetry.io/otel/exporters/stdout/stdoutlog"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	tracesdk "go.opentelemetry.io/otel/sdk/trace"
)

// Providers returns the providers with their shutdown.
func Providers() (*tracesdk.TracerProvider, *sdklog.LoggerProvider, error) {
	traceExp, err := stdouttrace.New()
	if err != nil {
		return nil, nil, err
	}
	logExp, err := stdoutlog.New()
	if err != nil {
		return nil, nil, err
	}
	tp := tracesdk.NewTracerProvider(
		tracesdk.WithSyncer(traceExp),                                         // want `^tracesdk\.WithSyncer exports each span synchronously, blocking the goroutine that ends it until the exporter returns; use tracesdk\.WithBatcher outside tests \(sdksetup/sync-export\)$`
		tracesdk.WithSpanProcessor(tracesdk.NewSimpleSpanProcessor(traceExp)), // want `^tracesdk\.NewSimpleSpanProcessor exports each span synchronously, blocking the goroutine that ends it until the exporter returns; use tracesdk\.NewBatchSpanProcessor outside tests \(sdksetup/sync-export\)$`
		tracesdk.WithBatcher(traceExp),                                        // ok: batching
	)
	lp := sdklog.NewLoggerProvider(
		sdklog.WithProcessor(sdklog.NewSimpleProcessor(logExp)), // want `^sdklog\.NewSimpleProcessor exports each log record synchronously, blocking the goroutine that emits it until the exporter returns; use sdklog\.NewBatchProcessor outside tests \(sdksetup/sync-export\)$`
		sdklog.WithProcessor(sdklog.NewBatchProcessor(logExp)),  // ok: batching
	)
	return tp, lp, nil
}

// SimpleLogProcessor keeps the concrete type: no fix, the batch processor is
// another type.
func SimpleLogProcessor(exp sdklog.Exporter) *sdklog.SimpleProcessor {
	p := sdklog.NewSimpleProcessor(exp) // want `^sdklog\.NewSimpleProcessor exports each log record synchronously, .* \(sdksetup/sync-export\)$`
	return p
}

// Processor is the batch span processor already.
func Processor(exp tracesdk.SpanExporter) tracesdk.SpanProcessor {
	return tracesdk.NewBatchSpanProcessor(exp) // ok: batching
}

// Flush is here to use context.
func Flush(ctx context.Context, tp *tracesdk.TracerProvider) error { return tp.ForceFlush(ctx) }
