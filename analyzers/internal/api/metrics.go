package api

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// Import paths of the metrics APIs.
const (
	PrometheusPath = "github.com/prometheus/client_golang/prometheus"
	PromautoPath   = "github.com/prometheus/client_golang/prometheus/promauto"
)

// Attribute is an OpenTelemetry attribute built by a constructor call:
// attribute.String("k", v), attribute.Int(...), or attribute.Key("k").String(v).
type Attribute struct {
	Call  *ast.CallExpr
	Key   ast.Expr // the key expression (a string, or an attribute.Key value)
	Value ast.Expr
	// Type is the constructor's name: String, Int, Int64, Float64, Bool,
	// Stringer, StringSlice, ...
	Type string
}

// AttributeOf reports whether call builds an attribute.KeyValue from a key
// and a value, and returns them.
func AttributeOf(info *types.Info, call *ast.CallExpr) (Attribute, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != AttributePath {
		return Attribute{}, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() != 1 || !IsNamed(sig.Results().At(0).Type(), AttributePath, "KeyValue") {
		return Attribute{}, false
	}
	if sig.Recv() != nil {
		// attribute.Key("k").String(v)
		recv := Receiver(info, call)
		if recv == nil || len(call.Args) != 1 {
			return Attribute{}, false
		}
		return Attribute{Call: call, Key: recv, Value: call.Args[0], Type: fn.Name()}, true
	}
	if len(call.Args) != 2 {
		return Attribute{}, false
	}
	return Attribute{Call: call, Key: call.Args[0], Value: call.Args[1], Type: fn.Name()}, true
}

// AttributeKey returns the constant key of an attribute's key expression:
// a string constant, an attribute.Key constant or conversion
// attribute.Key("k").
func AttributeKey(info *types.Info, key ast.Expr) (string, bool) {
	if s, ok := StringConst(info, key); ok {
		return s, true
	}
	if call, ok := ast.Unparen(key).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return StringConst(info, call.Args[0])
		}
	}
	return "", false
}

// InstrumentKind classifies a metric instrument constructor.
type InstrumentKind string

const (
	Counter       InstrumentKind = "counter"
	UpDownCounter InstrumentKind = "up-down counter"
	Histogram     InstrumentKind = "histogram"
	Gauge         InstrumentKind = "gauge"
	Summary       InstrumentKind = "summary"
)

// Instrument is a call that constructs a metric instrument.
type Instrument struct {
	Call *ast.CallExpr
	Func *types.Func
	Kind InstrumentKind
	// Observable is true for asynchronous (callback) instruments and
	// Prometheus *Func collectors.
	Observable bool
	// Prometheus is true for client_golang constructors.
	Prometheus bool
	// Vec is true for Prometheus *Vec constructors; LabelNames is then the
	// label-names argument (for prometheus.V2's constructors, the
	// VariableLabels field of a literal Opts argument, or nil).
	Vec        bool
	LabelNames ast.Expr
	// Name is the instrument-name argument of an OpenTelemetry instrument,
	// or nil (Prometheus names live in the Opts struct).
	Name ast.Expr
	// Options are the trailing option arguments (OpenTelemetry) or the Opts
	// argument (Prometheus).
	Options []ast.Expr
}

// InstrumentOf reports whether call constructs a metric instrument: a
// metric.Meter method (Int64Counter, Float64Histogram, ...; on the interface
// or any type implementing it) or a Prometheus constructor
// (prometheus.New*, promauto.New*, promauto.Factory's New*, prometheus.V2's
// New*Vec).
func InstrumentOf(info *types.Info, call *ast.CallExpr) (Instrument, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return Instrument{}, false
	}
	sig := fn.Type().(*types.Signature)
	name := fn.Name()
	switch path := fn.Pkg().Path(); {
	case path == PrometheusPath || path == PromautoPath:
		v2 := false
		if sig.Recv() != nil && !IsNamed(sig.Recv().Type(), PromautoPath, "Factory") {
			// prometheus.V2.NewCounterVec(prometheus.CounterVecOpts{...})
			if !IsNamed(sig.Recv().Type(), PrometheusPath, "v2") {
				return Instrument{}, false
			}
			v2 = true
		}
		if !strings.HasPrefix(name, "New") || len(call.Args) == 0 {
			return Instrument{}, false
		}
		kind, rest := promKind(strings.TrimPrefix(name, "New"))
		if kind == "" {
			return Instrument{}, false
		}
		in := Instrument{Call: call, Func: fn, Kind: kind, Prometheus: true, Options: call.Args[:1]}
		switch rest {
		case "Vec":
			in.Vec = true
			switch {
			case v2:
				in.LabelNames = literalField(call.Args[0], "VariableLabels")
			case len(call.Args) >= 2:
				in.LabelNames = call.Args[1]
			}
		case "Func":
			in.Observable = true
		case "":
		default:
			return Instrument{}, false
		}
		return in, true
	case sig.Recv() != nil && (strings.HasPrefix(name, "Int64") || strings.HasPrefix(name, "Float64")):
		if !implementsNamed(sig.Recv().Type(), MetricPath, "Meter") || len(call.Args) == 0 {
			return Instrument{}, false
		}
		base := strings.TrimPrefix(strings.TrimPrefix(name, "Int64"), "Float64")
		in := Instrument{Call: call, Func: fn, Name: call.Args[0], Options: call.Args[1:]}
		if strings.HasPrefix(base, "Observable") {
			in.Observable = true
			base = strings.TrimPrefix(base, "Observable")
		}
		switch base {
		case "Counter":
			in.Kind = Counter
		case "UpDownCounter":
			in.Kind = UpDownCounter
		case "Histogram":
			in.Kind = Histogram
		case "Gauge":
			in.Kind = Gauge
		default:
			return Instrument{}, false
		}
		return in, true
	}
	return Instrument{}, false
}

// literalField returns the value of field name in a keyed composite
// literal e (or &T{...}), or nil.
func literalField(e ast.Expr, name string) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

func promKind(s string) (InstrumentKind, string) {
	for _, k := range []struct {
		prefix string
		kind   InstrumentKind
	}{{"Counter", Counter}, {"Gauge", Gauge}, {"Histogram", Histogram}, {"Summary", Summary}, {"Untyped", Gauge}} {
		if strings.HasPrefix(s, k.prefix) {
			return k.kind, strings.TrimPrefix(s, k.prefix)
		}
	}
	return "", ""
}

// Measurement is a call that records a value on an OpenTelemetry
// instrument: Add, Record, or an observer's Observe/ObserveInt64/ObserveFloat64.
type Measurement struct {
	Call *ast.CallExpr
	Func *types.Func
	// Options are the measurement options passed (metric.WithAttributes, ...).
	Options []ast.Expr
}

// MeasurementOf reports whether call records a measurement on an
// OpenTelemetry metric instrument or observer.
func MeasurementOf(info *types.Info, call *ast.CallExpr) (Measurement, bool) {
	fn := Callee(info, call)
	if fn == nil {
		return Measurement{}, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || sig.Variadic() == false {
		return Measurement{}, false
	}
	var optStart int
	switch fn.Name() {
	case "Add", "Record": // (ctx, value, opts...)
		optStart = 2
	case "Observe": // (value, opts...)
		optStart = 1
	case "ObserveInt64", "ObserveFloat64": // (instrument, value, opts...)
		optStart = 2
	default:
		return Measurement{}, false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
	if n := namedPkg(last); n == nil || n.Path() != MetricPath {
		return Measurement{}, false
	}
	var opts []ast.Expr
	if len(call.Args) > optStart {
		opts = call.Args[optStart:]
	}
	return Measurement{Call: call, Func: fn, Options: opts}, true
}

// MayBeMetricCall is the cheap test a call passes before the metric
// matchers look at its types: it reports whether the name the call is
// written with could be one that InstrumentOf, MetricAttributesOf,
// PromLabelsOf, IsPromRegister or IsMeterRegisterCallback accepts. When it
// is false, none of them matches; it needs no type information.
func MayBeMetricCall(call *ast.CallExpr) bool {
	id := calleeIdent(call.Fun)
	if id == nil {
		return false
	}
	switch n := id.Name; n {
	case "WithAttributes", "WithAttributeSet", // MetricAttributesOf
		"WithLabelValues", "GetMetricWithLabelValues", "With", "GetMetricWith", "CurryWith", "MustCurryWith", // PromLabelsOf
		"MustRegister", "Register", // IsPromRegister
		"Delete", "DeleteLabelValues", "DeletePartialMatch", "Reset", // PromSeriesDeletion
		"RegisterCallback": // IsMeterRegisterCallback
		return true
	default: // InstrumentOf
		return strings.HasPrefix(n, "New") || strings.HasPrefix(n, "Int64") || strings.HasPrefix(n, "Float64")
	}
}

// MetricAttributesOf reports whether call is metric.WithAttributes(...) or
// metric.WithAttributeSet(set), returning the attribute arguments.
func MetricAttributesOf(info *types.Info, call *ast.CallExpr) ([]ast.Expr, bool) {
	switch CalleeName(info, call) {
	case MetricPath + ".WithAttributes", MetricPath + ".WithAttributeSet":
		return call.Args, true
	}
	return nil, false
}

// PromLabels is a Prometheus call that supplies label values to a metric
// vector: WithLabelValues/GetMetricWithLabelValues (positional values) or
// With/GetMetricWith/CurryWith/MustCurryWith (a prometheus.Labels map).
type PromLabels struct {
	Call *ast.CallExpr
	// Values are the positional label values; Map is the Labels argument.
	Values []ast.Expr
	Map    ast.Expr
}

// PromLabelsOf reports whether call supplies label values to a Prometheus
// metric vector (including the partial values of CurryWith/MustCurryWith).
func PromLabelsOf(info *types.Info, call *ast.CallExpr) (PromLabels, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != PrometheusPath {
		return PromLabels{}, false
	}
	if sig := fn.Type().(*types.Signature); sig.Recv() == nil {
		return PromLabels{}, false
	}
	switch fn.Name() {
	case "WithLabelValues", "GetMetricWithLabelValues":
		return PromLabels{Call: call, Values: call.Args}, true
	case "With", "GetMetricWith", "CurryWith", "MustCurryWith":
		if len(call.Args) == 1 {
			return PromLabels{Call: call, Map: call.Args[0]}, true
		}
	}
	return PromLabels{}, false
}

// PromSeriesDeletion reports whether call removes series from a Prometheus
// metric vector (Delete, DeleteLabelValues, DeletePartialMatch, Reset), and
// returns the vector's expression.
func PromSeriesDeletion(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != PrometheusPath {
		return nil, false
	}
	if sig := fn.Type().(*types.Signature); sig.Recv() == nil {
		return nil, false
	}
	switch fn.Name() {
	case "Delete", "DeleteLabelValues", "DeletePartialMatch", "Reset":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X, true
		}
	}
	return nil, false
}

// IsPromRegister reports whether call registers a Prometheus collector
// (prometheus.MustRegister/Register, or a Registerer's).
func IsPromRegister(info *types.Info, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != PrometheusPath {
		return false
	}
	return fn.Name() == "MustRegister" || fn.Name() == "Register"
}

// KeyValueOf reports whether call builds an attribute.KeyValue whose key can
// be named: every form AttributeOf knows, plus the generated
// semantic-convention helpers (semconv.URLFull(v), semconv.EnduserID(v)),
// whose key is the package's constant <Name>Key. It returns the attribute
// and its constant key ("" when the key is not a constant). For a semconv
// helper, Attribute.Key is the call's Fun expression and Type is "semconv".
func KeyValueOf(info *types.Info, call *ast.CallExpr) (Attribute, string, bool) {
	if info == nil || call == nil {
		return Attribute{}, "", false
	}
	if a, ok := AttributeOf(info, call); ok {
		key, _ := AttributeKey(info, a.Key)
		return a, key, true
	}
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), SemconvPathPrefix) || len(call.Args) != 1 {
		return Attribute{}, "", false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || sig.Results().Len() != 1 || !IsNamed(sig.Results().At(0).Type(), AttributePath, "KeyValue") {
		return Attribute{}, "", false
	}
	a := Attribute{Call: call, Key: call.Fun, Value: call.Args[0], Type: "semconv"}
	if c, ok := fn.Pkg().Scope().Lookup(fn.Name() + "Key").(*types.Const); ok && c.Val().Kind() == constant.String {
		return a, constant.StringVal(c.Val()), true
	}
	return a, "", true
}

// AttributeSetArgs reports whether call is attribute.NewSet(kvs...) or one
// of its variants (NewSetWithSortable, NewSetWithFiltered,
// NewSetWithSortableFiltered), returning the argument holding the
// attributes: the variadic arguments of NewSet, the slice of the others.
func AttributeSetArgs(info *types.Info, call *ast.CallExpr) ([]ast.Expr, bool) {
	switch CalleeName(info, call) {
	case AttributePath + ".NewSet":
		return call.Args, true
	case AttributePath + ".NewSetWithSortable", AttributePath + ".NewSetWithFiltered", AttributePath + ".NewSetWithSortableFiltered":
		if len(call.Args) > 0 {
			return call.Args[:1], true
		}
	}
	return nil, false
}

// MetricOptionOf reports whether call is the metric package's instrument
// option name (WithUnit, WithDescription, WithExplicitBucketBoundaries,
// WithInt64Callback, ...) and returns name.
func MetricOptionOf(info *types.Info, call *ast.CallExpr) (string, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != MetricPath || !strings.HasPrefix(fn.Name(), "With") {
		return "", false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return "", false
	}
	return fn.Name(), true
}

// IsMeterRegisterCallback reports whether call is RegisterCallback on a
// metric.Meter (the interface or a type implementing it).
func IsMeterRegisterCallback(info *types.Info, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	if fn == nil || fn.Name() != "RegisterCallback" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && implementsNamed(sig.Recv().Type(), MetricPath, "Meter")
}

// IsObserverType reports whether t is one of the metric package's observer
// interfaces (Observer, Int64Observer, Float64Observer): the parameter of
// an observable instrument's callback.
func IsObserverType(t types.Type) bool {
	return IsNamed(t, MetricPath, "Observer") || IsNamed(t, MetricPath, "Int64Observer") || IsNamed(t, MetricPath, "Float64Observer")
}
