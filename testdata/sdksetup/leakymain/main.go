// Command leakymain installs its providers globally and serves forever:
// the tracer and meter providers are never shut down, so whatever their
// batch processor and periodic reader hold when SIGTERM arrives is lost.
// Only the logger provider is shut down, from the signal handler.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutlog"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/log/global"
	"go.opentelemetry.io/otel/propagation"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	traceExporter, err := stdouttrace.New()
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(traceExporter)) // want `^tracer provider created here is never shut down, so spans still buffered at exit are lost; defer tp\.Shutdown\(ctx\) with a timeout context, or return a shutdown func to the caller \(sdksetup/shutdown\)$`
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})

	metricExporter, err := stdoutmetric.New()
	if err != nil {
		log.Fatal(err)
	}
	otel.SetMeterProvider(sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)))) // want `^meter provider created here is never shut down, so metrics still buffered at exit are lost; keep it in a variable and defer its Shutdown\(ctx\) with a timeout context, or return a shutdown func to the caller \(sdksetup/shutdown\)$`

	logExporter, err := stdoutlog.New()
	if err != nil {
		log.Fatal(err)
	}
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter))) // ok: shut down by the signal handler
	global.SetLoggerProvider(lp)

	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigCh
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := lp.Shutdown(ctx); err != nil {
			log.Println(err)
		}
		os.Exit(0)
	}()

	// The provider also goes to the instrumentation, which never shuts it
	// down either: it is still reported above.
	handler := otelhttp.NewHandler(http.NewServeMux(), "server", otelhttp.WithTracerProvider(tp))
	log.Fatal(http.ListenAndServe(":8080", handler))
}
