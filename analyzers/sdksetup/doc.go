// Package sdksetup is an otellint rule.
//
// # Analyzer sdksetup
//
// sdksetup: report OpenTelemetry SDK set-up that loses, blocks on, over-samples or fails to propagate telemetry
//
// The SDK is configured once, in main or an observability package, where a
// reviewer rarely looks twice; the guide's pitfall checklist (7.1, 7.4, 7.5)
// lists what goes wrong there. sdksetup reports five mistakes, each a check
// of its own (category sdksetup/<check>). Code in _test.go files is never
// reported, nor is code in the files of test helpers and doubles a package
// keeps beside them (test_helpers.go, testutil.go, testing.go, mock.go,
// fake_store.go), nor a test-support package (one importing testing or a
// test framework under a path segment such as testutil or e2e, or named
// like httptest: spantest): tests legitimately export synchronously,
// sample everything and skip shutdown. Nor are sync-export, full-sampling and propagator
// reported in a demo program: a main package, or a package of an example tree (a path segment
// naming an example or a demo, such as the set-up its client and server
// share), that imports a stdout exporter and,
// directly or through its imports, no exporter that sends telemetry
// anywhere else (OTLP, Zipkin, Prometheus, autoexport, declarative
// configuration). Its spans never reach a back end, sampling them all and
// printing each as it ends is the point of the demo. In an example tree
// such a demo's missing Shutdown is not reported either: what it loses at
// exit is the tail of its printout. A main package outside one may be a
// service whose standard output is collected, and still is.
//
// # shutdown
//
// An SDK provider (sdktrace.NewTracerProvider, sdkmetric.NewMeterProvider,
// sdklog.NewLoggerProvider) created in a function that neither calls nor
// defers its Shutdown, nor hands it to code that will. The batch span
// processor, the periodic metric reader and the batch log processor buffer
// telemetry; without Shutdown the last batch is lost when the process
// exits ("not calling TracerProvider.Shutdown() (causing data loss)").
// The finding is at the constructor. A meter provider whose only readers
// are the Prometheus exporter is not reported: a scrape reads the current
// state, nothing waits in a buffer; nor is one built without any reader
// (sdkmetric.NewMeterProvider(), a no-op that switches an
// instrumentation's metrics off): readers can only be given to its
// constructor, so it never exports anything; the same holds for a logger
// provider built without a processor, and for a tracer provider built
// without one in a function that never calls its RegisterSpanProcessor
// (a throwaway provider whose spans go nowhere). Nor is a provider whose
// only processors export each span or record as it ends
// (sdktrace.WithSyncer, NewSimpleSpanProcessor, sdklog.NewSimpleProcessor;
// given directly, through a local, or wrapped by a processor of the
// package's own that is given no exporter to batch with): that is
// sync-export's finding, if any.
//
// The provider is followed through the function's local variables
// (aliases, conversions to interfaces, closures). It counts as shut down
// when any Shutdown on it is called, deferred or taken as a method value
// (append(shutdownFuncs, tp.Shutdown)), on any path. It is someone else's
// to shut down when it is returned, stored in a field, global, map or slice
// element or struct, sent on a channel, or passed to a function that may
// shut it down (a registry, a lifecycle helper). Borrowers do not count:
// the functions that use the provider but never shut it down
// (otel.SetTracerProvider, otel.SetMeterProvider, global.SetLoggerProvider,
// instrumentation options such as otelhttp.WithTracerProvider), and
// same-package functions whose body only borrows the parameter in the same
// sense. ForceFlush does not count: it exports what is buffered now, not
// what arrives later. A same-package function that returns a provider it
// created (directly, through a named result or with an error, including
// methods and generic functions) is a factory: its callers are checked
// instead, and the message names it. noop providers are never reported.
//
//	func main() {
//		tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)) // reported
//		otel.SetTracerProvider(tp)
//		log.Fatal(http.ListenAndServe(":8080", handler))
//	}
//
// Good: shut it down with a timeout, or return a shutdown func as the
// guide's InitObservability does:
//
//	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
//	otel.SetTracerProvider(tp)
//	return func(ctx context.Context) error {
//		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
//		defer cancel()
//		return tp.Shutdown(ctx)
//	}, nil
//
// # sync-export
//
// sdktrace.WithSyncer, sdktrace.NewSimpleSpanProcessor and
// sdklog.NewSimpleProcessor export every span or log record on the
// goroutine that ends or emits it, so each request waits for the exporter
// ("using synchronous Exporters to block requests"). A suggested fix
// renames the call to sdktrace.WithBatcher, sdktrace.NewBatchSpanProcessor
// or sdklog.NewBatchProcessor (the last only where the result is passed as
// an sdklog.Processor, since the concrete types differ). Exporting to a
// test exporter (sdk/trace/tracetest, as in test helpers kept in non-test
// files) is not reported. Nor is a synchronous processor chosen at run
// time: one in a switch case, in an if statement with an else, or in an if
// statement that returns or adds the processor rather than building the
// whole provider (a configuration loader's "simple" branch, a -debug flag).
// The configuration asked for it, and renaming it would override the
// user's choice.
//
//	sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))  // reported
//	sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)) // good
//
// # full-sampling
//
// sdktrace.WithSampler given a sampler that keeps every trace:
// sdktrace.AlwaysSample(), sdktrace.TraceIDRatioBased(r) with a constant
// r >= 1, or sdktrace.ParentBased of either as its root sampler. The
// argument is followed through local variables only ever assigned such a
// sampler and through same-package helpers whose every return is one. An
// explicit WithSampler overrides OTEL_TRACES_SAMPLER, so production runs at
// 100% ("100% sampling in production (cost explosion)"). Leave the sampler
// unset so the SDK reads OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, or
// build it from configuration: samplers and ratios that are not constants
// (config fields, parsed flags, parameters, variables also assigned another
// sampler) are never reported. Nor is a package of an example tree (a path
// segment example or examples), whatever it exports to: an example samples
// every trace to show them all.
//
//	sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.AlwaysSample())) // reported
//	sdktrace.WithSampler(sdktrace.TraceIDRatioBased(cfg.SampleRatio))   // good
//
// # propagator
//
// A package that installs a global TracerProvider (otel.SetTracerProvider)
// but never calls otel.SetTextMapPropagator, in any of its non-test files
// (a same-package helper counts). The global default propagator does
// nothing, so trace context is neither read from incoming requests nor
// written to outgoing ones and every trace stops at the process border.
// The finding is at SetTracerProvider. A package that imports
// go.opentelemetry.io/contrib/propagators/autoprop by name counts as setting
// the propagator (it builds one from OTEL_PROPAGATORS, and an unused import
// does not compile); a blank import does not, because autoprop installs
// nothing by itself. So does a package that hands its instrumentation the
// propagators it chose (otelhttp.WithPropagators, otelgrpc.WithPropagators
// and the other instrumentation libraries' option): it does not rely on the
// global one. Installing a noop TracerProvider is not reported. Nor
// is a package that imports, directly or not, another package of the
// program that imports both the otel package and a propagator (one that
// installs the propagator, as a set-up package split in two does); the
// type information's import lists are the only evidence read, so a
// propagator installed by a package that imports this one is not seen:
// set the propagator where you set the provider, or in a package it imports.
// The exception is a package whose exported API hands its provider out as
// the trace.TracerProvider interface (func (s *SDK) TracerProvider()
// trace.TracerProvider), or a trace.Tracer made from it (func (b *OTLP)
// Setup(ctx, service) (trace.Tracer, io.Closer, error)): its importers wire
// their instrumentation with WithTracerProvider, or start their spans with
// the tracer, and choose their propagators the same way, out of this
// package's sight, so it is not reported. Returning
// *sdktrace.TracerProvider for the caller to shut down is not such a
// hand-out.
//
//	otel.SetTracerProvider(tp) // reported when the package sets no propagator
//	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
//		propagation.TraceContext{}, propagation.Baggage{})) // good
//
// # service-name
//
// Off by default. An explicit resource.New, resource.NewWithAttributes or
// resource.NewSchemaless whose attributes are all known and none is
// service.name (semconv.ServiceName of any semconv version,
// semconv.ServiceNameKey.String, attribute.String("service.name", ...)),
// and whose options include neither resource.WithFromEnv() nor
// resource.WithDetectors(...). Without service.name backends cannot tell
// the services apart ("forgetting to set service.name"). Resources built
// from options or attributes that cannot be read statically, and resources
// merged with another (resource.Merge(resource.Default(), res)), are not
// reported. It is off by default because the deployment may set
// OTEL_SERVICE_NAME and a resource may get its name elsewhere.
//
//	resource.New(ctx, resource.WithAttributes(semconv.ServiceVersion(v)))       // reported
//	resource.New(ctx, resource.WithAttributes(semconv.ServiceName("checkout"))) // good
//
// # Flags
//
//	-sdksetup.checks=list
//		comma-separated checks to run: shutdown, sync-export,
//		full-sampling, propagator, service-name; "all" or "all,-name".
//		Default: all but service-name.
//	-sdksetup.service-name
//		also run the service-name check (the same as adding it to
//		-sdksetup.checks; -sdksetup.service-name=false removes it).
//
// Silence one finding with //otellint:ignore sdksetup/<check> <reason> on
// its line or the line above.
package sdksetup
