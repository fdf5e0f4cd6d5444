// Package placeholders is a storage engine whose spans are mostly named
// the way Go tracing back ends name them — [pkg.]receiverType.Method in Go's
// own letter case, or bare step names under a descriptive tracer scope —
// and a few placeholders copied from a tutorial.
package placeholders

import (
	"context"
	"runtime"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// The tracer's scope says where the steps belong.
var tracer = otel.Tracer("example.com/storage/compactor")

type walBlock struct{ tracer trace.Tracer }

// Names that carry the operation, in whatever consistent style: fine.
func (b *walBlock) Append(ctx context.Context) {
	ctx, s1 := b.tracer.Start(ctx, "walBlock.Append")
	defer s1.End()
	_, s2 := tracer.Start(ctx, "vparquet.compactor.finishBlock")
	defer s2.End()
	_, s3 := tracer.Start(ctx, "resolveCheck")
	defer s3.End()
	_, s4 := tracer.Start(ctx, "ReadUserTuple")
	defer s4.End()
	_, s5 := tracer.Start(ctx, "processOrders")
	defer s5.End()
	_, s6 := tracer.Start(ctx, "executeQuery")
	defer s6.End()
	_, s7 := tracer.Start(ctx, "RunMigrations")
	defer s7.End()
	_, s8 := tracer.Start(ctx, "test-connection")
	defer s8.End()
	_, s9 := tracer.Start(ctx, "Get")
	defer s9.End()
	// The engine stores traces: spans, in the plural, are its data.
	_, s10 := tracer.Start(ctx, "process-spans")
	defer s10.End()
}

type Compactor struct{}

// Placeholders say nothing about what the code does.
func (c *Compactor) Compact(ctx context.Context) {
	ctx, s1 := tracer.Start(ctx, "span") // want `^span name "span" is a generic placeholder that says nothing about the operation; name what the code does, e\.g\. "Compactor\.Compact", the operation this Compactor method performs \(spanname/function-style\)$`
	defer s1.End()
	_, s2 := tracer.Start(ctx, "my-operation-2") // want `^span name "my-operation-2" is a generic placeholder .* \(spanname/function-style\)$`
	defer s2.End()
	_, s3 := tracer.Start(ctx, "Handler.Execute") // want `^span name "Handler\.Execute" is a generic placeholder .* \(spanname/function-style\)$`
	defer s3.End()
}

// run is a plain function whose name is a placeholder too: the message
// points at the package.
func run(ctx context.Context) {
	_, s := tracer.Start(ctx, "doWork") // want `^span name "doWork" is a generic placeholder that says nothing about the operation; name what the code does in package placeholders, e\.g\. "placeholders\.<action>" with the action it performs \(spanname/function-style\)$`
	defer s.End()
}

// Names that Go prints for functions are code, not operations.
func (c *Compactor) Flush(ctx context.Context) {
	ctx, s1 := tracer.Start(ctx, "placeholders.(*Compactor).Flush") // want `^span name "placeholders\.\(\*Compactor\)\.Flush" is a Go symbol, which reads as code and changes with every refactoring; name the operation, e\.g\. "Compactor\.Flush" \(spanname/function-style\)$`
	defer s1.End()
	_, s2 := tracer.Start(ctx, "Compactor.Flush.func1") // want `^span name "Compactor\.Flush\.func1" is a Go symbol, .*, e\.g\. "Compactor\.Flush" \(spanname/function-style\)$`
	defer s2.End()
}

// startTraced names the span after its caller's runtime name.
func startTraced(ctx context.Context) (context.Context, trace.Span) {
	pc, _, _, _ := runtime.Caller(1)
	name := runtime.FuncForPC(pc).Name()
	return tracer.Start(ctx, strings.TrimPrefix(name, "example.com/storage/")) // want `^span name is computed from runtime\.FuncForPC\(pc\)\.Name\(\), a Go symbol such as "example\.com/shop\.\(\*Orders\)\.Place\.func1", which reads as code and changes with every refactoring; pass each span a constant name for the operation it measures \(spanname/function-style\)$`
}

// callerName is used for a log line, not for a span: fine.
func callerName() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func (c *Compactor) Retain(ctx context.Context) {
	ctx, span := startTraced(ctx)
	defer span.End()
	_ = callerName()
	run(ctx)
}
