package api

import (
	"go/ast"
	"go/types"
)

// Import paths of the metric packages that decide whether a scrape carries
// exemplars.
const (
	PromhttpPath = "github.com/prometheus/client_golang/prometheus/promhttp"
	// ExemplarPath is the OpenTelemetry metric SDK's exemplar package.
	ExemplarPath = "go.opentelemetry.io/otel/sdk/metric/exemplar"
	// OTelPrometheusExporterPath is the exporter that serves OpenTelemetry
	// metrics through a Prometheus registry, exemplars included.
	OTelPrometheusExporterPath = "go.opentelemetry.io/otel/exporters/prometheus"
)

// UpdateEffect is what an update call does to an instrument's value.
type UpdateEffect int

const (
	// Increase adds a value: Inc, or Add of a value that may be negative
	// for a gauge or an up-down counter.
	Increase UpdateEffect = iota
	// Decrease subtracts: a Prometheus gauge's Dec and Sub.
	Decrease
	// Set replaces the value: a Prometheus gauge's Set and SetToCurrentTime.
	Set
)

// MetricUpdate is a call that changes the value of a counter, an up-down
// counter or a gauge.
type MetricUpdate struct {
	Call *ast.CallExpr
	Func *types.Func
	// Recv is the instrument the call updates (c in c.Add(...)).
	Recv ast.Expr
	// Kind is Counter, UpDownCounter or Gauge.
	Kind       InstrumentKind
	Prometheus bool
	Effect     UpdateEffect
	// Value is the amount argument, nil for Inc, Dec and SetToCurrentTime.
	Value ast.Expr
}

// updateMethod describes one update method: the instrument kind it
// belongs to and the index of its amount argument (-1: none).
type updateMethod struct {
	kind   InstrumentKind
	prom   bool
	value  int
	effect UpdateEffect
}

// updateMethods maps the update methods of the metric APIs, by their full
// name, to what they do. The interfaces declare them; a struct embedding
// one of these interfaces calls the same method.
var updateMethods = map[string]updateMethod{
	"(" + PrometheusPath + ".Counter).Inc":                   {Counter, true, -1, Increase},
	"(" + PrometheusPath + ".Counter).Add":                   {Counter, true, 0, Increase},
	"(" + PrometheusPath + ".ExemplarAdder).AddWithExemplar": {Counter, true, 0, Increase},
	"(" + PrometheusPath + ".Gauge).Inc":                     {Gauge, true, -1, Increase},
	"(" + PrometheusPath + ".Gauge).Add":                     {Gauge, true, 0, Increase},
	"(" + PrometheusPath + ".Gauge).Dec":                     {Gauge, true, -1, Decrease},
	"(" + PrometheusPath + ".Gauge).Sub":                     {Gauge, true, 0, Decrease},
	"(" + PrometheusPath + ".Gauge).Set":                     {Gauge, true, 0, Set},
	"(" + PrometheusPath + ".Gauge).SetToCurrentTime":        {Gauge, true, -1, Set},
	"(" + MetricPath + ".Int64Counter).Add":                  {Counter, false, 1, Increase},
	"(" + MetricPath + ".Float64Counter).Add":                {Counter, false, 1, Increase},
	"(" + MetricPath + ".Int64UpDownCounter).Add":            {UpDownCounter, false, 1, Increase},
	"(" + MetricPath + ".Float64UpDownCounter).Add":          {UpDownCounter, false, 1, Increase},
}

// MayBeMetricUpdate is the cheap test a call passes before MetricUpdateOf
// looks at its types: whether it is written with the name of an update
// method.
func MayBeMetricUpdate(call *ast.CallExpr) bool {
	id := calleeIdent(call.Fun)
	if id == nil {
		return false
	}
	switch id.Name {
	case "Inc", "Add", "AddWithExemplar", "Dec", "Sub", "Set", "SetToCurrentTime":
		return true
	}
	return false
}

// MetricUpdateOf reports whether call updates a counter, an up-down counter
// or a gauge (see updateMethods).
func MetricUpdateOf(info *types.Info, call *ast.CallExpr) (MetricUpdate, bool) {
	fn := Callee(info, call)
	if fn == nil {
		return MetricUpdate{}, false
	}
	m, ok := updateMethods[FullName(fn)]
	if !ok {
		return MetricUpdate{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return MetricUpdate{}, false
	}
	u := MetricUpdate{Call: call, Func: fn, Recv: sel.X, Kind: m.kind, Prometheus: m.prom, Effect: m.effect}
	if m.value >= 0 {
		if m.value >= len(call.Args) {
			return MetricUpdate{}, false
		}
		u.Value = call.Args[m.value]
	}
	return u, true
}

// VecAccess is what a method call on a Prometheus metric vector does.
type VecAccess int

const (
	NotVecAccess VecAccess = iota
	// VecElement returns one labelled child of the vector (WithLabelValues,
	// With, GetMetricWithLabelValues, GetMetricWith).
	VecElement
	// VecRemoval deletes children: their series disappear from the scrape
	// (Delete, DeleteLabelValues, DeletePartialMatch, Reset).
	VecRemoval
	// VecCurry returns a vector with some labels fixed (CurryWith,
	// MustCurryWith).
	VecCurry
	// VecCollect is a collector method that reads the vector (Describe,
	// Collect).
	VecCollect
)

// vecMethods maps the methods of Prometheus vectors, by name, to what they do.
var vecMethods = map[string]VecAccess{
	"WithLabelValues": VecElement, "With": VecElement,
	"GetMetricWithLabelValues": VecElement, "GetMetricWith": VecElement,
	"Delete": VecRemoval, "DeleteLabelValues": VecRemoval, "DeletePartialMatch": VecRemoval, "Reset": VecRemoval,
	"CurryWith": VecCurry, "MustCurryWith": VecCurry,
	"Describe": VecCollect, "Collect": VecCollect,
}

// VecMethodOf reports what the method fn does when it is a method of a
// Prometheus metric vector (*CounterVec, *GaugeVec, ..., or the MetricVec
// they embed).
func VecMethodOf(fn *types.Func) VecAccess {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != PrometheusPath {
		return NotVecAccess
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return NotVecAccess
	}
	n := NamedOf(sig.Recv().Type())
	if n == nil {
		return NotVecAccess
	}
	switch n.Obj().Name() {
	case "CounterVec", "GaugeVec", "HistogramVec", "SummaryVec", "MetricVec":
		return vecMethods[fn.Name()]
	}
	return NotVecAccess
}

// IsPromCollector reports whether t is the prometheus.Collector interface:
// a value converted to it can be registered, described and collected, but
// not updated.
func IsPromCollector(t types.Type) bool {
	return IsNamed(t, PrometheusPath, "Collector")
}

// IsUpDownInstrument reports whether t is a type whose value goes up and
// down: prometheus.Gauge, *prometheus.GaugeVec, metric.Int64UpDownCounter
// or metric.Float64UpDownCounter.
func IsUpDownInstrument(t types.Type) bool {
	return IsNamed(t, PrometheusPath, "Gauge") || IsNamed(t, PrometheusPath, "GaugeVec") ||
		IsNamed(t, MetricPath, "Int64UpDownCounter") || IsNamed(t, MetricPath, "Float64UpDownCounter")
}

// promhttpHandlers maps the promhttp functions that serve a registry's
// metrics to the index of their HandlerOpts argument (-1: none, the
// default options).
var promhttpHandlers = map[string]int{
	PromhttpPath + ".Handler":                 -1,
	PromhttpPath + ".HandlerFor":              1,
	PromhttpPath + ".HandlerForTransactional": 1,
}

// MetricsHandlerOf reports whether call builds a Prometheus metrics
// endpoint, and returns its HandlerOpts argument (nil for
// promhttp.Handler(), which uses the default options).
func MetricsHandlerOf(info *types.Info, call *ast.CallExpr) (opts ast.Expr, ok bool) {
	i, ok := promhttpHandlers[CalleeName(info, call)]
	if !ok {
		return nil, false
	}
	if i < 0 {
		return nil, true
	}
	if i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}

// exemplarRecorders are the client_golang methods that record an exemplar
// with a measurement.
var exemplarRecorders = map[string]bool{
	"(" + PrometheusPath + ".ExemplarObserver).ObserveWithExemplar": true,
	"(" + PrometheusPath + ".ExemplarAdder).AddWithExemplar":        true,
}

// IsExemplarRecorder reports whether fn records a Prometheus exemplar
// (ObserveWithExemplar, AddWithExemplar).
func IsExemplarRecorder(fn *types.Func) bool {
	return fn != nil && exemplarRecorders[FullName(fn)]
}

// dropAllExemplarFilters are the exemplar filters that offer no
// measurement to the reservoirs: a MeterProvider configured with one
// records no exemplar at all.
var dropAllExemplarFilters = map[string]bool{
	ExemplarPath + ".AlwaysOffFilter": true,
}

// IsDropAllExemplarFilter reports whether obj is an exemplar filter that
// drops every exemplar (exemplar.AlwaysOffFilter).
func IsDropAllExemplarFilter(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && dropAllExemplarFilters[FullName(fn)]
}
