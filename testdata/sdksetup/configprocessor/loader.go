// Package configprocessor turns a declarative telemetry configuration into
// SDK processors, the way a configuration loader does: the configuration
// file chooses between a simple and a batch processor, and the loader must
// build what it was asked for.
package configprocessor

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutlog"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SpanProcessor is one entry of the configuration's processors list; exactly
// one of its fields is set.
type SpanProcessor struct {
	Batch  *BatchSpanProcessor
	Simple *SimpleSpanProcessor
}

// BatchSpanProcessor configures a batching processor.
type BatchSpanProcessor struct {
	Endpoint  string
	QueueSize int
}

// SimpleSpanProcessor configures a processor that exports each span as it
// ends.
type SimpleSpanProcessor struct {
	Endpoint string
}

// LogProcessor is one entry of the configuration's log processors.
type LogProcessor struct {
	Kind string // "simple" or "batch"
}

var errInvalid = errors.New("invalid processor configuration")

// spanProcessor builds the processor the configuration names.
func spanProcessor(ctx context.Context, p SpanProcessor) (sdktrace.SpanProcessor, error) {
	if p.Batch != nil && p.Simple != nil {
		return nil, errInvalid
	}
	if p.Batch != nil {
		exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(p.Batch.Endpoint))
		if err != nil {
			return nil, err
		}
		return sdktrace.NewBatchSpanProcessor(exp, sdktrace.WithMaxQueueSize(p.Batch.QueueSize)), nil
	}
	if p.Simple != nil {
		exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(p.Simple.Endpoint))
		if err != nil {
			return nil, err
		}
		return sdktrace.NewSimpleSpanProcessor(exp), nil // ok: the configuration asked for a simple processor
	}
	return nil, errInvalid
}

// logProcessor chooses by a string from the configuration file.
func logProcessor(p LogProcessor) (sdklog.Processor, error) {
	exp, err := stdoutlog.New()
	if err != nil {
		return nil, err
	}
	switch p.Kind {
	case "simple":
		return sdklog.NewSimpleProcessor(exp), nil // ok: chosen by the configuration
	case "batch":
		return sdklog.NewBatchProcessor(exp), nil
	}
	return nil, errInvalid
}

// traceOptions adds the exporter with the delivery the configuration chose;
// the choice is made once and kept in a factory.
func traceOptions(exp sdktrace.SpanExporter, synchronous bool) []sdktrace.TracerProviderOption {
	var register func(sdktrace.SpanExporter) sdktrace.TracerProviderOption
	if synchronous {
		register = func(e sdktrace.SpanExporter) sdktrace.TracerProviderOption {
			return sdktrace.WithSyncer(e) // ok: inside the branch the flag selects
		}
	} else {
		register = func(e sdktrace.SpanExporter) sdktrace.TracerProviderOption {
			return sdktrace.WithBatcher(e)
		}
	}
	return []sdktrace.TracerProviderOption{register(exp)}
}

// Providers builds the providers from the configuration's processors.
func Providers(ctx context.Context, spans []SpanProcessor, logs []LogProcessor) (*sdktrace.TracerProvider, *sdklog.LoggerProvider, error) {
	var topts []sdktrace.TracerProviderOption
	for _, sp := range spans {
		p, err := spanProcessor(ctx, sp)
		if err != nil {
			return nil, nil, err
		}
		topts = append(topts, sdktrace.WithSpanProcessor(p))
	}
	var lopts []sdklog.LoggerProviderOption
	for _, lc := range logs {
		p, err := logProcessor(lc)
		if err != nil {
			return nil, nil, err
		}
		lopts = append(lopts, sdklog.WithProcessor(p))
	}
	return sdktrace.NewTracerProvider(topts...), sdklog.NewLoggerProvider(lopts...), nil
}
