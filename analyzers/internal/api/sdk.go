package api

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// Import paths of the OpenTelemetry SDK set-up APIs (see also trace.go).
const (
	LogGlobalPath     = "go.opentelemetry.io/otel/log/global"
	AutopropPath      = "go.opentelemetry.io/contrib/propagators/autoprop"
	SemconvPathPrefix = "go.opentelemetry.io/otel/semconv/"
	otelgrpcPath      = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
)

// Provider describes an SDK provider type: its owner must call Shutdown so
// that the telemetry its processors or readers still buffer is exported.
type Provider struct {
	// Kind is "tracer", "meter" or "logger".
	Kind string
	// Signal names what is lost when the provider is never shut down.
	Signal string
}

// sdkProviders maps the SDK provider types (package path, type name) to what
// they are. The constructors below return pointers to them.
var sdkProviders = map[[2]string]Provider{
	{SDKTracePath, "TracerProvider"}: {Kind: "tracer", Signal: "spans"},
	{SDKMetricPath, "MeterProvider"}: {Kind: "meter", Signal: "metrics"},
	{SDKLogPath, "LoggerProvider"}:   {Kind: "logger", Signal: "log records"},
}

// providerConstructors lists the SDK functions that create a provider which
// the caller owns and must shut down.
var providerConstructors = map[string]bool{
	SDKTracePath + ".NewTracerProvider": true,
	SDKMetricPath + ".NewMeterProvider": true,
	SDKLogPath + ".NewLoggerProvider":   true,
}

// IsProviderConstructor reports whether fn creates an SDK provider
// (sdktrace.NewTracerProvider, sdkmetric.NewMeterProvider,
// sdklog.NewLoggerProvider).
func IsProviderConstructor(fn *types.Func) bool {
	return fn != nil && providerConstructors[FullName(fn)]
}

// SDKProvider reports whether t is a pointer to an SDK provider type
// (*sdktrace.TracerProvider, *sdkmetric.MeterProvider,
// *sdklog.LoggerProvider) and which.
func SDKProvider(t types.Type) (Provider, bool) {
	if t == nil {
		return Provider{}, false
	}
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return Provider{}, false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Provider{}, false
	}
	prov, ok := sdkProviders[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
	return prov, ok
}

// providerBorrowers lists functions that keep a reference to the provider
// they are given but never shut it down: handing a provider to one of them
// does not transfer the duty to call Shutdown.
var providerBorrowers = map[string]bool{
	OtelPath + ".SetTracerProvider":                                     true,
	OtelPath + ".SetMeterProvider":                                      true,
	LogGlobalPath + ".SetLoggerProvider":                                true,
	OtelHTTPPath + ".WithTracerProvider":                                true,
	OtelHTTPPath + ".WithMeterProvider":                                 true,
	otelgrpcPath + ".WithTracerProvider":                                true,
	otelgrpcPath + ".WithMeterProvider":                                 true,
	"go.opentelemetry.io/contrib/bridges/otelslog.WithLoggerProvider":   true,
	"go.opentelemetry.io/contrib/bridges/otelzap.WithLoggerProvider":    true,
	"go.opentelemetry.io/contrib/bridges/otellogrus.WithLoggerProvider": true,
}

// BorrowsProvider reports whether fn only borrows a provider passed to it:
// it installs or uses it without ever shutting it down (otel.SetTracerProvider,
// otel.SetMeterProvider, global.SetLoggerProvider, instrumentation options).
func BorrowsProvider(fn *types.Func) bool {
	return fn != nil && providerBorrowers[FullName(fn)]
}

// noopPaths are the packages of the no-op providers: they buffer nothing and
// need neither Shutdown nor a propagator.
var noopPaths = map[string]bool{
	"go.opentelemetry.io/otel/trace/noop":  true,
	"go.opentelemetry.io/otel/metric/noop": true,
	"go.opentelemetry.io/otel/log/noop":    true,
}

// IsNoopProvider reports whether t is (a pointer to) a type of one of the
// OpenTelemetry noop packages, such as noop.TracerProvider.
func IsNoopProvider(t types.Type) bool {
	p := namedPkg(t)
	return p != nil && noopPaths[p.Path()]
}

// SyncExport describes an SDK call that makes export synchronous: every
// span or record is exported on the goroutine that produces it.
type SyncExport struct {
	// Batch is the batching function of the same package that replaces it.
	Batch string
	// Item names what is exported ("span", "log record"); Produced is the
	// verb for the goroutine that hands it over ("ends", "emits").
	Item, Produced string
	// SameShape is true when Batch takes the same arguments and returns the
	// same type, so that renaming the call is always a safe fix.
	SameShape bool
}

var syncExports = map[string]SyncExport{
	SDKTracePath + ".WithSyncer":             {Batch: "WithBatcher", Item: "span", Produced: "ends", SameShape: true},
	SDKTracePath + ".NewSimpleSpanProcessor": {Batch: "NewBatchSpanProcessor", Item: "span", Produced: "ends", SameShape: true},
	SDKLogPath + ".NewSimpleProcessor":       {Batch: "NewBatchProcessor", Item: "log record", Produced: "emits"},
}

// SyncExportOf reports whether fn makes an SDK export synchronous
// (sdktrace.WithSyncer, sdktrace.NewSimpleSpanProcessor,
// sdklog.NewSimpleProcessor) and what replaces it.
func SyncExportOf(fn *types.Func) (SyncExport, bool) {
	if fn == nil {
		return SyncExport{}, false
	}
	s, ok := syncExports[FullName(fn)]
	return s, ok
}

// testExporterPaths are packages whose exporters exist for tests: exporting
// to them synchronously is the point.
var testExporterPaths = map[string]bool{
	SDKTracePath + "/tracetest": true,
}

// IsTestExporter reports whether t is an exporter type of a test package,
// such as *tracetest.InMemoryExporter.
func IsTestExporter(t types.Type) bool {
	p := namedPkg(t)
	return p != nil && testExporterPaths[p.Path()]
}

// SamplerFunc says what an SDK sampler constructor builds.
type SamplerFunc int

const (
	// SamplerOther is any sampler that does not always sample.
	SamplerOther SamplerFunc = iota
	// SamplerAlways samples every trace (sdktrace.AlwaysSample).
	SamplerAlways
	// SamplerRatio samples the fraction given as its first argument
	// (sdktrace.TraceIDRatioBased).
	SamplerRatio
	// SamplerParentBased follows the parent and uses its first argument for
	// root spans (sdktrace.ParentBased).
	SamplerParentBased
)

var samplerFuncs = map[string]SamplerFunc{
	SDKTracePath + ".AlwaysSample":      SamplerAlways,
	SDKTracePath + ".TraceIDRatioBased": SamplerRatio,
	SDKTracePath + ".ParentBased":       SamplerParentBased,
	SDKTracePath + ".NeverSample":       SamplerOther,
}

// SamplerFuncOf reports which SDK sampler constructor fn is, if any.
func SamplerFuncOf(fn *types.Func) (SamplerFunc, bool) {
	if fn == nil {
		return SamplerOther, false
	}
	k, ok := samplerFuncs[FullName(fn)]
	return k, ok
}

// IsWithSampler reports whether fn is sdktrace.WithSampler.
func IsWithSampler(fn *types.Func) bool {
	return FullName(fn) == SDKTracePath+".WithSampler"
}

// RatioAtLeastOne reports whether e is a numeric constant >= 1: a
// TraceIDRatioBased fraction that samples every trace.
func RatioAtLeastOne(info *types.Info, e ast.Expr) bool {
	if info == nil || e == nil {
		return false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	v := constant.ToFloat(tv.Value)
	return v.Kind() == constant.Float && constant.Compare(v, token.GEQ, constant.MakeInt64(1))
}

// IsSetTracerProvider reports whether fn is otel.SetTracerProvider, which
// installs the global TracerProvider.
func IsSetTracerProvider(fn *types.Func) bool {
	return FullName(fn) == OtelPath+".SetTracerProvider"
}

// IsSetTextMapPropagator reports whether fn is otel.SetTextMapPropagator,
// which installs the global propagator.
func IsSetTextMapPropagator(fn *types.Func) bool {
	return FullName(fn) == OtelPath+".SetTextMapPropagator"
}

// ResourceConstructor describes an sdk/resource function that builds a
// resource from options or attributes.
type ResourceConstructor struct {
	// First is the index of the first option or attribute argument.
	First int
	// Options is true when the arguments are resource.Options (resource.New)
	// rather than attribute.KeyValues.
	Options bool
}

var resourceConstructors = map[string]ResourceConstructor{
	SDKResourcePath + ".New":               {First: 1, Options: true},
	SDKResourcePath + ".NewWithAttributes": {First: 1},
	SDKResourcePath + ".NewSchemaless":     {First: 0},
}

// ResourceConstructorOf reports whether fn builds a resource explicitly
// (resource.New, resource.NewWithAttributes, resource.NewSchemaless).
func ResourceConstructorOf(fn *types.Func) (ResourceConstructor, bool) {
	if fn == nil {
		return ResourceConstructor{}, false
	}
	rc, ok := resourceConstructors[FullName(fn)]
	return rc, ok
}

// IsResourceMerge reports whether fn is resource.Merge.
func IsResourceMerge(fn *types.Func) bool {
	return FullName(fn) == SDKResourcePath+".Merge"
}

// ResourceOption says what a resource.Option contributes to service.name.
type ResourceOption int

const (
	// OptionUnknown: an option whose effect cannot be read statically.
	OptionUnknown ResourceOption = iota
	// OptionNeutral: an SDK option that never sets service.name
	// (WithHost, WithTelemetrySDK, WithProcess, WithSchemaURL, ...).
	OptionNeutral
	// OptionAttributes: resource.WithAttributes; its arguments decide.
	OptionAttributes
	// OptionNamesService: an option that may set service.name
	// (WithFromEnv reads OTEL_SERVICE_NAME; detectors may add it).
	OptionNamesService
)

var resourceOptions = map[string]ResourceOption{
	SDKResourcePath + ".WithAttributes": OptionAttributes,
	SDKResourcePath + ".WithFromEnv":    OptionNamesService,
	SDKResourcePath + ".WithDetectors":  OptionNamesService,
}

// ResourceOptionOf classifies a call that yields a resource.Option.
func ResourceOptionOf(fn *types.Func) ResourceOption {
	if fn == nil {
		return OptionUnknown
	}
	if k, ok := resourceOptions[FullName(fn)]; ok {
		return k
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == SDKResourcePath && strings.HasPrefix(fn.Name(), "With") {
		return OptionNeutral
	}
	return OptionUnknown
}

// ServiceNameKey is the resource attribute naming the service.
const ServiceNameKey = "service.name"

// KeyOfAttribute returns the key of the attribute.KeyValue that e builds,
// when it is known statically: the constructors AttributeOf knows
// (attribute.String("k", v), attribute.Key("k").String(v),
// semconv.ServiceNameKey.String(v)) with a constant key, the semconv
// attribute functions of any semconv version (semconv.ServiceName(v) is
// "service.name"; the others report "semconv.<Func>"), and composite literals
// attribute.KeyValue{Key: "k", ...}.
func KeyOfAttribute(info *types.Info, e ast.Expr) (string, bool) {
	if info == nil {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if a, ok := AttributeOf(info, e); ok {
			return AttributeKey(info, a.Key)
		}
		fn := Callee(info, e)
		if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), SemconvPathPrefix) {
			return "", false
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || sig.Recv() != nil || sig.Results().Len() != 1 || !IsNamed(sig.Results().At(0).Type(), AttributePath, "KeyValue") {
			return "", false
		}
		if fn.Name() == "ServiceName" {
			return ServiceNameKey, true
		}
		return "semconv." + fn.Name(), true
	case *ast.CompositeLit:
		if !IsNamed(TypeOf(info, e), AttributePath, "KeyValue") {
			return "", false
		}
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
				return AttributeKey(info, kv.Value)
			}
		}
	}
	return "", false
}

// ErrorTypeKey is the semantic-convention attribute that classifies a
// failed operation's error.
const ErrorTypeKey = "error.type"

// IsErrorTypeAttr reports whether e builds the error.type attribute: one
// with that constant key (attribute.String("error.type", v),
// semconv.ErrorTypeKey.String(v)), or a call of a function named ErrorType
// that returns an attribute.KeyValue, as semconv.ErrorType(err) and a
// program's wrappers of it are.
func IsErrorTypeAttr(info *types.Info, e ast.Expr) bool {
	if k, ok := KeyOfAttribute(info, e); ok && k == ErrorTypeKey {
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := Callee(info, call)
	if fn == nil || fn.Name() != "ErrorType" {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() == nil && sig.Results().Len() == 1 && IsNamed(sig.Results().At(0).Type(), AttributePath, "KeyValue")
}

// IsResourceDetect reports whether fn is the Detect method of a resource
// detector (it has the signature of resource.Detector's Detect:
// func(context.Context) (*resource.Resource, error)). The SDK calls it while
// it builds the resource, before any provider exists: its context carries
// no span.
func IsResourceDetect(fn *types.Func) bool {
	if fn == nil || fn.Name() != "Detect" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	return IsContext(sig.Params().At(0).Type()) &&
		IsNamed(sig.Results().At(0).Type(), SDKResourcePath, "Resource") &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}
