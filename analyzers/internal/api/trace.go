package api

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sync"
)

// Import paths of the OpenTelemetry APIs the rules know.
const (
	OtelPath        = "go.opentelemetry.io/otel"
	TracePath       = "go.opentelemetry.io/otel/trace"
	AttributePath   = "go.opentelemetry.io/otel/attribute"
	CodesPath       = "go.opentelemetry.io/otel/codes"
	MetricPath      = "go.opentelemetry.io/otel/metric"
	BaggagePath     = "go.opentelemetry.io/otel/baggage"
	PropagationPath = "go.opentelemetry.io/otel/propagation"
	SDKTracePath    = "go.opentelemetry.io/otel/sdk/trace"
	SDKMetricPath   = "go.opentelemetry.io/otel/sdk/metric"
	SDKLogPath      = "go.opentelemetry.io/otel/sdk/log"
	SDKResourcePath = "go.opentelemetry.io/otel/sdk/resource"
	OtelHTTPPath    = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	// ContribInstrumentationPath holds OpenTelemetry's instrumentation
	// libraries (otelhttp, otelgrpc, otelmux, ...).
	ContribInstrumentationPath = "go.opentelemetry.io/contrib/instrumentation"
)

// SpanStart describes a call that starts a span.
type SpanStart struct {
	Call *ast.CallExpr
	Func *types.Func
	// CtxResult and SpanResult are the indices of the returned context and
	// span among the call's results; CtxResult is -1 when there is none.
	CtxResult, SpanResult int
	// NameArg is the index of the span-name argument, or -1.
	NameArg int
	// Configured is true for a start function matched by Config.StartFuncs
	// rather than a Tracer's Start method.
	Configured bool
}

// Name returns the span-name argument of the start, or nil.
func (s SpanStart) Name() ast.Expr {
	if s.NameArg < 0 || s.NameArg >= len(s.Call.Args) {
		return nil
	}
	return s.Call.Args[s.NameArg]
}

// SpanStartOf reports whether call starts a span: the Start method of a
// go.opentelemetry.io/otel/trace.Tracer (the interface itself, a struct
// embedding it, or any type implementing it, such as noop.Tracer), or a
// function whose full name matches Config.StartFuncs and returns a span.
func SpanStartOf(info *types.Info, call *ast.CallExpr) (SpanStart, bool) {
	fn := Callee(info, call)
	if fn == nil {
		return SpanStart{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return SpanStart{}, false
	}
	if fn.Name() == "Start" && sig.Recv() != nil && isTracerStart(fn, sig) {
		return SpanStart{Call: call, Func: fn, CtxResult: 0, SpanResult: 1, NameArg: 1}, true
	}
	if !Config.StartFuncs.Matches(FullName(fn)) {
		return SpanStart{}, false
	}
	s := SpanStart{Call: call, Func: fn, CtxResult: -1, SpanResult: -1, NameArg: -1, Configured: true}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		switch {
		case IsContext(t) && s.CtxResult < 0:
			s.CtxResult = i
		case IsSpan(t) && s.SpanResult < 0:
			s.SpanResult = i
		}
	}
	if s.SpanResult < 0 {
		return SpanStart{}, false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			s.NameArg = i
			break
		}
	}
	return s, true
}

// isTracerStart reports whether the method fn (named Start) is Tracer.Start
// or the Start method of a type that implements trace.Tracer.
func isTracerStart(fn *types.Func, sig *types.Signature) bool {
	recv := sig.Recv().Type()
	if IsNamed(recv, TracePath, "Tracer") {
		return true
	}
	if sig.Results().Len() != 2 || !IsContext(sig.Results().At(0).Type()) {
		return false
	}
	spanT := sig.Results().At(1).Type()
	if !IsNamed(spanT, TracePath, "Span") {
		return false
	}
	tracer := lookupInterface(namedPkg(spanT), "Tracer")
	return tracer != nil && (types.Implements(recv, tracer) || types.Implements(types.NewPointer(recv), tracer))
}

// IsSpan reports whether t is go.opentelemetry.io/otel/trace.Span or a type
// that implements it.
func IsSpan(t types.Type) bool {
	if t == nil {
		return false
	}
	if IsNamed(t, TracePath, "Span") {
		return true
	}
	// A concrete span type has End(...trace.SpanEndOption); the option's
	// package is the trace package, which gives us the Span interface.
	ms := methodSet(t)
	sel := ms.Lookup(nil, "End")
	if sel == nil {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Params().Len() != 1 {
		return false
	}
	opt, ok := sig.Params().At(0).Type().(*types.Slice)
	if !ok || !IsNamed(opt.Elem(), TracePath, "SpanEndOption") {
		return false
	}
	span := lookupInterface(namedPkg(opt.Elem()), "Span")
	return span != nil && types.Implements(t, span)
}

// IsTracer reports whether t is go.opentelemetry.io/otel/trace.Tracer or
// implements it.
func IsTracer(t types.Type) bool {
	if t == nil {
		return false
	}
	if IsNamed(t, TracePath, "Tracer") {
		return true
	}
	sel := methodSet(t).Lookup(nil, "Start")
	if sel == nil {
		return false
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	return ok && isTracerStart(fn, types.NewSignatureType(types.NewVar(0, nil, "", t), nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
}

// IsSpanFromContext reports whether call is trace.SpanFromContext(ctx).
func IsSpanFromContext(info *types.Info, call *ast.CallExpr) bool {
	return CalleeName(info, call) == TracePath+".SpanFromContext"
}

// SpanMethodCall reports whether call is a method call on a span value and
// returns the receiver expression and the method name (End, SetAttributes,
// AddEvent, RecordError, SetStatus, ...).
func SpanMethodCall(info *types.Info, call *ast.CallExpr) (recv ast.Expr, method string, ok bool) {
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel {
		return nil, "", false
	}
	s, found := info.Selections[sel]
	if !found || s.Kind() != types.MethodVal {
		return nil, "", false
	}
	if !IsSpan(s.Recv()) {
		return nil, "", false
	}
	return sel.X, sel.Sel.Name, true
}

// methodSet returns the method set of t, or of *t when t is a named
// non-interface type (so that pointer-receiver methods count). Results are
// cached: the rules ask about the same few types over and over.
func methodSet(t types.Type) *types.MethodSet {
	u := types.Unalias(t)
	key := methodSetKey{t: u}
	if p, isPtr := u.(*types.Pointer); isPtr {
		key = methodSetKey{t: types.Unalias(p.Elem()), ptr: true}
	} else if _, isNamed := u.(*types.Named); isNamed && !types.IsInterface(u) {
		key.ptr = true
	}
	if ms, ok := methodSets.Load(key); ok {
		return ms.(*types.MethodSet)
	}
	var ms *types.MethodSet
	if key.ptr {
		ms = types.NewMethodSet(types.NewPointer(key.t))
	} else {
		ms = types.NewMethodSet(key.t)
	}
	methodSets.Store(key, ms)
	return ms
}

type methodSetKey struct {
	t   types.Type
	ptr bool
}

var methodSets sync.Map // methodSetKey -> *types.MethodSet

func namedPkg(t types.Type) *types.Package {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Pkg()
	}
	return nil
}

// lookupInterface returns the interface type of the named type name declared
// in pkg, or nil.
func lookupInterface(pkg *types.Package, name string) *types.Interface {
	if pkg == nil {
		return nil
	}
	obj, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	iface, _ := obj.Type().Underlying().(*types.Interface)
	return iface
}

// implementsNamed reports whether t implements the interface pkgPath.name,
// found among the imports of the package that declares t.
func implementsNamed(t types.Type, pkgPath, name string) bool {
	if IsNamed(t, pkgPath, name) {
		return true
	}
	declPkg := namedPkg(t)
	if declPkg == nil {
		return false
	}
	iface := lookupInterface(findPackage(declPkg, pkgPath), name)
	if iface == nil {
		return false
	}
	return types.Implements(t, iface) || (!types.IsInterface(t) && types.Implements(types.NewPointer(t), iface))
}

// SpanMutators are the Span methods that change a span; after End they are
// silently dropped. Read-only methods (SpanContext, IsRecording,
// TracerProvider) are left out: reading an ended span is fine.
var SpanMutators = map[string]bool{
	"End": true, "SetAttributes": true, "AddEvent": true, "AddLink": true,
	"RecordError": true, "SetStatus": true, "SetName": true,
}

// SpanFromContextArg returns the context argument of a
// trace.SpanFromContext(ctx) call, or nil when call is not one.
func SpanFromContextArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	if !IsSpanFromContext(info, call) || len(call.Args) != 1 {
		return nil
	}
	return call.Args[0]
}

// StatusCode returns the value of e when it is a constant of type
// go.opentelemetry.io/otel/codes.Code (codes.Unset = 0, codes.Error = 1,
// codes.Ok = 2).
func StatusCode(info *types.Info, e ast.Expr) (uint64, bool) {
	if info == nil || e == nil {
		return 0, false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || !IsNamed(tv.Type, CodesPath, "Code") {
		return 0, false
	}
	v, exact := constant.Uint64Val(constant.ToInt(tv.Value))
	return v, exact
}

// CodesError is the value of codes.Error.
const CodesError = 1

// MaySetErrorStatus reports whether the arguments of a span's SetStatus call
// may set the Error status: the code is codes.Error or not a constant.
func MaySetErrorStatus(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	v, ok := StatusCode(info, call.Args[0])
	return !ok || v == CodesError
}
