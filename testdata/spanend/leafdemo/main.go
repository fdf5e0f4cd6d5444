// Command leafdemo shows a request span with a child span, printed to
// stdout: the child around a lookup is the point of the demo.
package main

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("leafdemo")

func lookupUser(ctx context.Context, id string) string {
	_, span := tracer.Start(ctx, "lookupUser", trace.WithAttributes(attribute.String("user.id", id)))
	defer span.End()
	if id == "42" {
		return "demo user"
	}
	return "unknown"
}

func main() {
	exp, err := stdouttrace.New(stdouttrace.WithPrettyPrint())
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	defer func() { _ = tp.Shutdown(context.Background()) }()
	otel.SetTracerProvider(tp)

	ctx, span := tracer.Start(context.Background(), "handle")
	log.Println(lookupUser(ctx, "42"))
	span.End()
}
