// Command stdoutdemo shows how a named tracer and baggage look by printing
// its spans to the terminal. Its spans never reach a back end, so nobody
// groups or queries them by name: a placeholder name is fine here. An empty
// name is still wrong, even in a demo.
package main

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx := context.Background()
	exp, err := stdouttrace.New(stdouttrace.WithPrettyPrint())
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	defer func() { _ = tp.Shutdown(ctx) }()
	otel.SetTracerProvider(tp)

	tracer := tp.Tracer("example/namedtracer")
	ctx, span := tracer.Start(ctx, "operation")
	defer span.End()
	subOperation(ctx)
}

func subOperation(ctx context.Context) {
	_, span := otel.Tracer("example/namedtracer/sub").Start(ctx, "Sub operation...")
	span.End()
	_, unnamed := otel.Tracer("example/namedtracer/sub").Start(ctx, "") // want `span name is empty`
	unnamed.End()
}
