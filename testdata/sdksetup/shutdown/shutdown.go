// Package shutdown holds set-up functions that do and do not hand their
// SDK providers to something that shuts them down.
package shutdown

import (
	"context"
	"errors"
	"log"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutlog"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/log/global"
	"go.opentelemetry.io/otel/propagation"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/sdk/metric"
	tracesdk "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

func init() {
	otel.SetTextMapPropagator(propagation.TraceContext{})
}

func exporter() tracesdk.SpanExporter {
	exp, err := stdouttrace.New()
	if err != nil {
		log.Fatal(err)
	}
	return exp
}

func logExporter() sdklog.Exporter {
	exp, err := stdoutlog.New()
	if err != nil {
		log.Fatal(err)
	}
	return exp
}

// --- created and dropped -------------------------------------------------

func dropped() {
	tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // want `^tracer provider created here is never shut down, so spans still buffered at exit are lost; keep it in a variable and defer its Shutdown\(ctx\) with a timeout context, or return a shutdown func to the caller \(sdksetup/shutdown\)$`
}

func blank() {
	_ = metric.NewMeterProvider(metric.WithReader(metric.NewManualReader())) // want `^meter provider created here is never shut down, so metrics still buffered at exit are lost; keep it in a variable .* \(sdksetup/shutdown\)$`
}

func onlyTracerUsed(ctx context.Context) {
	tracer := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())).Tracer("svc") // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	_, span := tracer.Start(ctx, "work")
	span.End()
}

// --- exported as each span ends: nothing waits in a buffer -------------

// liveConsole prints each span as it ends (a debugging console next to
// the real pipeline): Shutdown would have nothing left to export, so only
// the synchronous export itself is reported.
func liveConsole() trace.Tracer {
	return tracesdk.NewTracerProvider(tracesdk.WithSyncer(exporter())).Tracer("console") // want `^tracesdk\.WithSyncer exports each span synchronously, .* \(sdksetup/sync-export\)$`
}

func simpleProcessor() trace.Tracer {
	return tracesdk.NewTracerProvider(tracesdk.WithSpanProcessor(tracesdk.NewSimpleSpanProcessor(exporter()))).Tracer("console") // want `^tracesdk\.NewSimpleSpanProcessor exports each span synchronously, .* \(sdksetup/sync-export\)$`
}

func syncerAndBatcher() trace.Tracer {
	return tracesdk.NewTracerProvider(tracesdk.WithSyncer(exporter()), tracesdk.WithBatcher(exporter())).Tracer("both") // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$` `^tracesdk\.WithSyncer exports each span synchronously, .* \(sdksetup/sync-export\)$`
}

// --- installed globally: the global never shuts it down -----------------

func installedOnly() {
	otel.SetTracerProvider(tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter()))) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
}

func installedAndDeferred(ctx context.Context) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: deferred Shutdown
	defer tp.Shutdown(ctx)
	otel.SetTracerProvider(tp)
}

func meterInstalled() {
	mp := metric.NewMeterProvider(metric.WithReader(metric.NewManualReader())) // want `^meter provider created here is never shut down, so metrics still buffered at exit are lost; defer mp\.Shutdown\(ctx\) with a timeout context, or return a shutdown func to the caller \(sdksetup/shutdown\)$`
	otel.SetMeterProvider(mp)
}

func meterShutInDeferredClosure() {
	mp := metric.NewMeterProvider(metric.WithReader(metric.NewManualReader())) // ok: closure shuts it down
	otel.SetMeterProvider(mp)
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := mp.Shutdown(ctx); err != nil {
			log.Println(err)
		}
	}()
}

func loggerInstalled() {
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter()))) // want `^logger provider created here is never shut down, so log records still buffered at exit are lost; defer lp\.Shutdown\(ctx\) .* \(sdksetup/shutdown\)$`
	global.SetLoggerProvider(lp)
}

func loggerShutdownFuncs() []func(context.Context) error {
	var shutdowns []func(context.Context) error
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter()))) // ok: method value appended to the shutdown funcs
	shutdowns = append(shutdowns, lp.Shutdown)
	global.SetLoggerProvider(lp)
	return shutdowns
}

// --- ForceFlush is not Shutdown -----------------------------------------

func flushedOnly(ctx context.Context) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	defer tp.ForceFlush(ctx)
	otel.SetTracerProvider(tp)
}

func shutdownOnErrorPathOnly(ctx context.Context, start func() error) error {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: Shutdown is referenced (paths are not checked)
	if err := start(); err != nil {
		return errors.Join(err, tp.Shutdown(ctx))
	}
	otel.SetTracerProvider(tp)
	return nil
}

// --- followed through local variables -------------------------------------

func aliasedInterface() {
	sdkTP := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // want `^tracer provider created here is never shut down, .* defer sdkTP\.Shutdown\(ctx\) .* \(sdksetup/shutdown\)$`
	var tp trace.TracerProvider = sdkTP
	otel.SetTracerProvider(tp)
}

func converted() {
	sdkTP := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	tp := trace.TracerProvider(sdkTP)
	otel.SetTracerProvider(tp)
}

func shutdownThroughInterface(ctx context.Context) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: shut down through an interface holding it
	var closer interface{ Shutdown(context.Context) error } = tp
	defer closer.Shutdown(ctx)
	otel.SetTracerProvider(tp)
}

func assignedInClosure(ctx context.Context) {
	var tp *tracesdk.TracerProvider // ok: assigned in a closure, shut down by the caller of it
	initTracing := func() {
		tp = tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter()))
		otel.SetTracerProvider(tp)
	}
	initTracing()
	defer tp.Shutdown(ctx)
}

func createdInClosure() {
	setup := func() {
		tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
		otel.SetTracerProvider(tp)
	}
	setup()
}

func returnedByClosure() func() *tracesdk.TracerProvider {
	return func() *tracesdk.TracerProvider {
		return tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: the closure's caller owns it
	}
}

func shutdownInSignalGoroutine(stop <-chan struct{}) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: shut down by the goroutine
	otel.SetTracerProvider(tp)
	go func() {
		<-stop
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = tp.Shutdown(ctx)
	}()
}

// --- escapes: someone else owns it ------------------------------------------

type telemetry struct {
	tp *tracesdk.TracerProvider
	mp *metric.MeterProvider
}

var globalTP *tracesdk.TracerProvider

func (t *telemetry) init() {
	t.tp = tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: stored in a field
	mp := metric.NewMeterProvider()     // ok: stored in a field through a local
	t.mp = mp
}

func storedGlobally() {
	globalTP = tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: stored in a global
	otel.SetTracerProvider(globalTP)
}

var packageLevel = tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: a package-level variable

func returnedInStruct() *telemetry {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: returned in a struct
	mp := metric.NewMeterProvider()    // ok: returned in a struct
	return &telemetry{tp: tp, mp: mp}
}

func storedInMap(m map[string]*tracesdk.TracerProvider) {
	m["default"] = tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: stored in a map element
}

func sent(ch chan<- *tracesdk.TracerProvider) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: sent to a channel
	ch <- tp
}

type registry struct{ closers []func(context.Context) error }

func (r *registry) add(p interface{ Shutdown(context.Context) error }) {
	r.closers = append(r.closers, p.Shutdown)
}

func handedToRegistry(r *registry) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: the registry shuts it down
	r.add(tp)
	otel.SetTracerProvider(tp)
}

func appendedToSlice(ps []interface{ Shutdown(context.Context) error }) []interface{ Shutdown(context.Context) error } {
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter()))) // ok: appended to a slice that is returned
	return append(ps, lp)
}

// --- not SDK providers -------------------------------------------------------

func noopProvider() {
	otel.SetTracerProvider(noop.NewTracerProvider()) // ok: a noop provider buffers nothing
}

func returnedAsInterface() trace.TracerProvider {
	return tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: returned (as an interface; not followed)
}

// --- suppressed --------------------------------------------------------------

func suppressed() {
	//otellint:ignore sdksetup/shutdown the process is a one-shot CLI that exits through os.Exit
	otel.SetTracerProvider(tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter()))) // ok: ignored by directive
}

// --- same-package helpers taking the provider ---------------------------------

// install only installs the provider globally: it borrows it.
func install(tp *tracesdk.TracerProvider) {
	otel.SetTracerProvider(tp)
}

// instrument ignores its provider.
func instrument(*tracesdk.TracerProvider) {}

var owned []*tracesdk.TracerProvider

// own keeps the provider in a global list that main shuts down.
func own(tp *tracesdk.TracerProvider) {
	owned = append(owned, tp)
}

// shutdownLater shuts it down itself.
func shutdownLater(ctx context.Context, tp *tracesdk.TracerProvider) {
	go func() {
		<-ctx.Done()
		_ = tp.Shutdown(context.Background())
	}()
}

func installedThroughHelper() {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // want `^tracer provider created here is never shut down, .* defer tp\.Shutdown\(ctx\) .* \(sdksetup/shutdown\)$`
	install(tp)
	instrument(tp)
}

func ownedThroughHelper() {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: own keeps it for main to shut down
	install(tp)
	own(tp)
}

func shutThroughHelper(ctx context.Context) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: shutdownLater shuts it down
	install(tp)
	shutdownLater(ctx, tp)
}

// --- generics and lifecycle hooks ----------------------------------------------

func setupGeneric[E tracesdk.SpanExporter](exp E) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exp)) // want `^tracer provider created here is never shut down, .* \(sdksetup/shutdown\)$`
	otel.SetTracerProvider(tp)
}

type hook struct {
	OnStart, OnStop func(context.Context) error
}

func lifecycle(hooks *[]hook) {
	tp := tracesdk.NewTracerProvider(tracesdk.WithBatcher(exporter())) // ok: the OnStop hook shuts it down
	*hooks = append(*hooks, hook{OnStop: tp.Shutdown})
	otel.SetTracerProvider(tp)
}
