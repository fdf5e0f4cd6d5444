// Command stdoutdemo shows what tracing records by printing every span to
// the terminal: it samples everything and prints each span as it ends on
// purpose, and its spans never leave the process, so neither sampling,
// export mode nor propagation is reported.
package main

import (
	"context"
	"log"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx := context.Background()
	exp, err := stdouttrace.New(stdouttrace.WithPrettyPrint())
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sdktrace.AlwaysSample()), // ok: a demo printing spans
		sdktrace.WithSyncer(exp),                      // ok: printed as they end
	)
	defer func() { _ = tp.Shutdown(ctx) }()
	otel.SetTracerProvider(tp) // ok: nothing crosses a process boundary

	mexp, err := stdoutmetric.New()
	if err != nil {
		log.Fatal(err)
	}
	// The demo still loses what the periodic reader holds at exit.
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(mexp, sdkmetric.WithInterval(time.Second)))) // want `^meter provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	otel.SetMeterProvider(mp)

	tracer := otel.Tracer("stdoutdemo")
	_, span := tracer.Start(ctx, "greet")
	span.SetAttributes(attribute.String("greeting", "hello"))
	span.End()
}
