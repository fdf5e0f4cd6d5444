package shutdown

import (
	"context"

	sdklog "go.opentelemetry.io/otel/sdk/log"
	tracesdk "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// Providers that hold nothing back: each span or record is exported as it
// ends, or nothing is exported at all, so there is nothing for Shutdown to
// flush.

// runProcessor stamps each span with the run it belongs to and hands it
// on, as it ends, to the processor it wraps.
type runProcessor struct {
	tracesdk.SpanProcessor
	runID string
}

func (p *runProcessor) OnStart(ctx context.Context, s tracesdk.ReadWriteSpan) {
	p.SpanProcessor.OnStart(ctx, s)
}

func newRunProcessor(runID string, next tracesdk.SpanProcessor) tracesdk.SpanProcessor {
	return &runProcessor{SpanProcessor: next, runID: runID}
}

// batchingRunProcessor is given the exporter itself: how it exports is
// its own business.
func batchingRunProcessor(runID string, exp tracesdk.SpanExporter) tracesdk.SpanProcessor {
	return &runProcessor{SpanProcessor: tracesdk.NewBatchSpanProcessor(exp), runID: runID}
}

// RunHistory records the spans of one run for its history page, each as
// it ends.
type RunHistory struct {
	exp tracesdk.SpanExporter
}

func (h *RunHistory) tracer(runID string) trace.Tracer {
	base := tracesdk.NewSimpleSpanProcessor(h.exp)                                             // want `sync-export`
	tp := tracesdk.NewTracerProvider(tracesdk.WithSpanProcessor(newRunProcessor(runID, base))) // ok: the wrapped simple processor exports each span as it ends
	return tp.Tracer("runs")
}

func (h *RunHistory) batchedTracer(runID string) trace.Tracer {
	tp := tracesdk.NewTracerProvider(tracesdk.WithSpanProcessor(batchingRunProcessor(runID, h.exp))) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	return tp.Tracer("runs")
}

// DroppedSpan starts a span on a provider without processors: it records
// nothing anywhere, and there is nothing to flush.
func DroppedSpan(ctx context.Context) trace.Span {
	_, span := tracesdk.NewTracerProvider().Tracer("dropped").Start(ctx, "dropped")
	return span
}

// registered gets its processor after construction: it buffers.
func registered(exp tracesdk.SpanExporter) trace.Tracer {
	tp := tracesdk.NewTracerProvider() // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	tp.RegisterSpanProcessor(tracesdk.NewBatchSpanProcessor(exp))
	return tp.Tracer("late")
}

// auditLogger emits each audit record to the exporter as it is logged.
func auditLogger(exp sdklog.Exporter) *sdklog.LoggerProvider {
	processor := sdklog.NewSimpleProcessor(exp)                     // want `sync-export`
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(processor)) // ok: a simple processor through a local
	_ = lp.Logger("audit")
	return nil
}

// batchedAuditLogger batches through a local.
func batchedAuditLogger(exp sdklog.Exporter) {
	processor := sdklog.NewBatchProcessor(exp)
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(processor)) // want `^logger provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	_ = lp.Logger("audit")
}
