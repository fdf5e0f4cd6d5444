package testsyncer

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func TestWork(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider( // ok: tests need not shut down
		sdktrace.WithSyncer(exp),                      // ok: tests export synchronously to assert
		sdktrace.WithSampler(sdktrace.AlwaysSample()), // ok: tests sample everything
	)
	otel.SetTracerProvider(tp) // ok: no propagator needed in tests
	Work(context.Background())
	if got := len(exp.GetSpans()); got != 1 {
		t.Fatalf("got %d spans, want 1", got)
	}
}

func TestLogs(t *testing.T) {
	_ = sdklog.NewSimpleProcessor(nil) // ok: in a test
}
