// Package factories wraps the SDK constructors in same-package helpers:
// a helper that returns the provider hands the duty to shut it down to its
// callers, and those are checked instead.
package factories

import (
	"context"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func init() {
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
}

// newTracerProvider returns the provider: its callers own it.
func newTracerProvider() *sdktrace.TracerProvider {
	exp, err := stdouttrace.New()
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)) // ok: returned to the caller
	return tp
}

// newTracerProviderE returns the provider with an error.
func newTracerProviderE(ctx context.Context) (*sdktrace.TracerProvider, error) {
	exp, err := stdouttrace.New()
	if err != nil {
		return nil, fmt.Errorf("trace exporter: %w", err)
	}
	return sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)), nil // ok: returned to the caller
}

// viaFactory returns what another factory returned: a factory too.
func viaFactory(ctx context.Context) (*sdktrace.TracerProvider, error) {
	return newTracerProviderE(ctx) // ok: returned to the caller
}

// namedResult returns the provider through a named result.
func namedResult() (mp *sdkmetric.MeterProvider, err error) {
	mp = sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader())) // ok: named result
	return
}

type builder struct {
	opts []sdktrace.TracerProviderOption
}

// build is a method factory.
func (b *builder) build() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider(b.opts...) // ok: returned to the caller
}

// newProvider is a generic factory.
func newProvider[O sdktrace.TracerProviderOption](opts ...O) *sdktrace.TracerProvider {
	var all []sdktrace.TracerProviderOption
	for _, o := range opts {
		all = append(all, o)
	}
	return sdktrace.NewTracerProvider(all...) // ok: returned to the caller
}

// initTracing returns the provider and its own shutdown func: it handles the
// shutdown itself, so its callers owe nothing.
func initTracing() (*sdktrace.TracerProvider, func(context.Context) error) {
	tp := sdktrace.NewTracerProvider() // ok: its Shutdown is returned
	return tp, tp.Shutdown
}

func leakWrapped() {
	otel.SetTracerProvider(newTracerProvider()) // want `^tracer provider returned by newTracerProvider is never shut down, so spans still buffered at exit are lost; keep it in a variable and defer its Shutdown\(ctx\) with a timeout context, or return a shutdown func to the caller \(sdksetup/shutdown\)$`
}

func shutWrapped(ctx context.Context) {
	tp := newTracerProvider() // ok: deferred Shutdown
	defer func() { _ = tp.Shutdown(ctx) }()
	otel.SetTracerProvider(tp)
}

func leakWithError(ctx context.Context) error {
	tp, err := newTracerProviderE(ctx) // want `^tracer provider returned by newTracerProviderE is never shut down, .* defer tp\.Shutdown\(ctx\) .* \(sdksetup/shutdown\)$`
	if err != nil {
		return err
	}
	otel.SetTracerProvider(tp)
	return nil
}

func leakThroughTwoFactories(ctx context.Context) {
	tp, _ := viaFactory(ctx) // want `^tracer provider returned by viaFactory is never shut down, .* \(sdksetup/shutdown\)$`
	otel.SetTracerProvider(tp)
}

func shutWithError(ctx context.Context) error {
	tp, err := viaFactory(ctx) // ok: deferred Shutdown
	if err != nil {
		return err
	}
	defer tp.Shutdown(ctx)
	otel.SetTracerProvider(tp)
	return nil
}

func leakNamed() {
	mp, err := namedResult() // want `^meter provider returned by namedResult is never shut down, so metrics still buffered at exit are lost; defer mp\.Shutdown\(ctx\) .* \(sdksetup/shutdown\)$`
	if err != nil {
		log.Fatal(err)
	}
	otel.SetMeterProvider(mp)
}

func leakMethod(b *builder) {
	otel.SetTracerProvider(b.build()) // want `^tracer provider returned by build is never shut down, .* \(sdksetup/shutdown\)$`
}

func leakGeneric() {
	tp := newProvider(sdktrace.WithSampler(sdktrace.TraceIDRatioBased(0.5))) // want `^tracer provider returned by newProvider is never shut down, .* \(sdksetup/shutdown\)$`
	otel.SetTracerProvider(tp)
}

func shutGenericExplicit(ctx context.Context) {
	tp := newProvider[sdktrace.TracerProviderOption]() // ok: deferred Shutdown
	defer tp.Shutdown(ctx)
}

func ownShutdown(ctx context.Context) {
	tp, shutdown := initTracing() // ok: initTracing returned its shutdown func
	defer shutdown(ctx)
	otel.SetTracerProvider(tp)
}

// Telemetry is returned to main, which closes it.
type Telemetry struct {
	Tracer *sdktrace.TracerProvider
}

// Close shuts the providers down.
func (t *Telemetry) Close(ctx context.Context) error { return t.Tracer.Shutdown(ctx) }

// New returns the providers in a struct: its caller (in another package)
// owns them.
func New() *Telemetry {
	tp := newTracerProvider() // ok: returned in a struct
	return &Telemetry{Tracer: tp}
}
