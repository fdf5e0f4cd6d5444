// Command guidemain is the guide's step 6.2/7.6 main: it initializes
// observability through a func returning a cleanup, defers it, and also
// runs it from the signal handler.
package main

import (
	"context"
	"errors"
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

// setupOTelSDK is the shape of the OpenTelemetry getting-started guide:
// every provider's Shutdown method value goes into shutdownFuncs.
func setupOTelSDK(ctx context.Context) (shutdown func(context.Context) error, err error) {
	var shutdownFuncs []func(context.Context) error
	shutdown = func(ctx context.Context) error {
		var err error
		for _, fn := range shutdownFuncs {
			err = errors.Join(err, fn(ctx))
		}
		shutdownFuncs = nil
		return err
	}
	handleErr := func(inErr error) {
		err = errors.Join(inErr, shutdown(ctx))
	}

	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))

	traceExporter, err := stdouttrace.New()
	if err != nil {
		handleErr(err)
		return
	}
	tracerProvider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(traceExporter, sdktrace.WithBatchTimeout(time.Second))) // ok: Shutdown appended
	shutdownFuncs = append(shutdownFuncs, tracerProvider.Shutdown)
	otel.SetTracerProvider(tracerProvider) // ok: propagator set above

	metricExporter, err := stdoutmetric.New()
	if err != nil {
		handleErr(err)
		return
	}
	meterProvider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter))) // ok: Shutdown appended
	shutdownFuncs = append(shutdownFuncs, meterProvider.Shutdown)
	otel.SetMeterProvider(meterProvider)

	logExporter, err := stdoutlog.New()
	if err != nil {
		handleErr(err)
		return
	}
	loggerProvider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter))) // ok: Shutdown appended
	shutdownFuncs = append(shutdownFuncs, loggerProvider.Shutdown)
	global.SetLoggerProvider(loggerProvider)
	return shutdown, nil
}

func main() {
	ctx := context.Background()

	cleanup, err := setupOTelSDK(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// Method 1: Defer cleanup (recommended for short-lived processes)
	defer cleanup(context.Background())

	// Method 2: Signal capture cleanup (recommended for long-lived services)
	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigCh
		log.Println("Shutting down gracefully...")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = cleanup(ctx) // Ensure data export is complete
		os.Exit(0)
	}()

	mux := http.NewServeMux()
	handler := otelhttp.NewHandler(mux, "http.server")
	log.Println("Starting HTTP server on :8080")
	if err := http.ListenAndServe(":8080", handler); err != nil {
		log.Fatalf("HTTP server failed: %v", err)
	}
}
