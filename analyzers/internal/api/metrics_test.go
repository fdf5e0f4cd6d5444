package api

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// Minimal copies of the metric APIs, under their real import paths.
var metricFakes = map[string]string{
	"context": `package context
type Context interface{ Err() error }`,
	AttributePath: `package attribute
type Key string
type KeyValue struct{ Key Key }
type Set struct{}
func String(k, v string) KeyValue { return KeyValue{} }
func (k Key) String(v string) KeyValue { return KeyValue{} }
func NewSet(kvs ...KeyValue) Set { return Set{} }
func NewSetWithFiltered(kvs []KeyValue, f func(KeyValue) bool) (Set, []KeyValue) { return Set{}, nil }`,
	MetricPath: `package metric
import ("context"; "go.opentelemetry.io/otel/attribute")
type InstrumentOption interface{ instrument() }
type MeasurementOption interface{ measurement() }
type Observable interface{ observable() }
type Callback func(context.Context, Observer) error
type Registration interface{ Unregister() error }
type Observer interface{ ObserveInt64(o Observable, v int64, opts ...MeasurementOption) }
type Int64Observer interface{ Observe(v int64, opts ...MeasurementOption) }
type Meter interface {
	RegisterCallback(f Callback, instruments ...Observable) (Registration, error)
}
func WithUnit(u string) InstrumentOption { return nil }
func WithAttributes(kvs ...attribute.KeyValue) MeasurementOption { return nil }
func WithAttributeSet(s attribute.Set) MeasurementOption { return nil }
type myMeter struct{ Meter }
func (myMeter) RegisterCallback(f Callback, instruments ...Observable) (Registration, error) { return nil, nil }`,
	SemconvPathPrefix + "v1.26.0": `package semconv
import "go.opentelemetry.io/otel/attribute"
const URLFullKey = attribute.Key("url.full")
func URLFull(v string) attribute.KeyValue { return URLFullKey.String(v) }
func NoKey(v string) attribute.KeyValue { return attribute.String("x", v) }`,
	PrometheusPath: `package prometheus
type Labels map[string]string
type CounterVec struct{}
func (v *CounterVec) WithLabelValues(lvs ...string) *CounterVec { return v }
func (v *CounterVec) DeleteLabelValues(lvs ...string) bool { return true }
func (v *CounterVec) MustCurryWith(l Labels) *CounterVec { return v }
func (v *CounterVec) With(l Labels) *CounterVec { return v }`,
}

// checkMetricSrc type-checks src and returns its calls by their source text.
func checkMetricSrc(t *testing.T, src string) (*types.Info, map[string]*ast.CallExpr) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: newFakeImporter(fset, metricFakes, nil)}
	if _, err := conf.Check("x", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	calls := map[string]*ast.CallExpr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			calls[types.ExprString(c)] = c
		}
		return true
	})
	return info, calls
}

const metricSrc = `package x
import (
	"context"
	a "go.opentelemetry.io/otel/attribute"
	m "go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/semconv/v1.26.0"
	"github.com/prometheus/client_golang/prometheus"
)
func f(ctx context.Context, meter m.Meter, v *prometheus.CounterVec, cb m.Callback, o m.Int64Observer) {
	_ = semconv.URLFull("u")
	_ = semconv.NoKey("u")
	_ = a.String("k", "v")
	_ = a.Key("user.id").String("v")
	_ = a.NewSet(a.String("k", "v"))
	_, _ = a.NewSetWithFiltered(nil, nil)
	_ = m.WithUnit("s")
	_ = m.WithAttributeSet(a.NewSet())
	_, _ = meter.RegisterCallback(cb)
	_ = v.MustCurryWith(prometheus.Labels{"k": "v"})
	_ = v.WithLabelValues("a", "b")
	_ = v.DeleteLabelValues("a", "b")
	_ = len("x")
}
`

func TestKeyValueOf(t *testing.T) {
	info, calls := checkMetricSrc(t, metricSrc)
	for src, want := range map[string]string{
		`semconv.URLFull("u")`:         "url.full",
		`semconv.NoKey("u")`:           "",
		`a.String("k", "v")`:           "k",
		`a.Key("user.id").String("v")`: "user.id",
	} {
		_, key, ok := KeyValueOf(info, calls[src])
		if !ok || key != want {
			t.Errorf("KeyValueOf(%s) = %q, %v; want %q, true", src, key, ok, want)
		}
	}
	if _, _, ok := KeyValueOf(info, calls[`len("x")`]); ok {
		t.Error("KeyValueOf(len) = true")
	}
	if _, _, ok := KeyValueOf(nil, calls[`len("x")`]); ok {
		t.Error("KeyValueOf without type info = true")
	}
}

func TestMetricCalls(t *testing.T) {
	info, calls := checkMetricSrc(t, metricSrc)
	if args, ok := AttributeSetArgs(info, calls[`a.NewSet(a.String("k", "v"))`]); !ok || len(args) != 1 {
		t.Errorf("AttributeSetArgs(NewSet) = %v, %v", args, ok)
	}
	if args, ok := AttributeSetArgs(info, calls[`a.NewSetWithFiltered(nil, nil)`]); !ok || len(args) != 1 {
		t.Errorf("AttributeSetArgs(NewSetWithFiltered) = %v, %v", args, ok)
	}
	if name, ok := MetricOptionOf(info, calls[`m.WithUnit("s")`]); !ok || name != "WithUnit" {
		t.Errorf("MetricOptionOf(WithUnit) = %q, %v", name, ok)
	}
	if _, ok := MetricOptionOf(info, calls[`a.String("k", "v")`]); ok {
		t.Error("MetricOptionOf(attribute.String) = true")
	}
	if !IsMeterRegisterCallback(info, calls[`meter.RegisterCallback(cb)`]) {
		t.Error("IsMeterRegisterCallback(meter.RegisterCallback) = false")
	}
	if attrs, ok := MetricAttributesOf(info, calls[`m.WithAttributeSet(a.NewSet())`]); !ok || len(attrs) != 1 {
		t.Errorf("MetricAttributesOf(WithAttributeSet) = %v, %v", attrs, ok)
	}
	if pl, ok := PromLabelsOf(info, calls[`v.MustCurryWith(prometheus.Labels{…})`]); !ok || pl.Map == nil {
		t.Errorf("PromLabelsOf(MustCurryWith) = %+v, %v", pl, ok)
	}
	if pl, ok := PromLabelsOf(info, calls[`v.WithLabelValues("a", "b")`]); !ok || len(pl.Values) != 2 {
		t.Errorf("PromLabelsOf(WithLabelValues) = %+v, %v", pl, ok)
	}
	if vec, ok := PromSeriesDeletion(info, calls[`v.DeleteLabelValues("a", "b")`]); !ok || types.ExprString(vec) != "v" {
		t.Errorf("PromSeriesDeletion(DeleteLabelValues) = %v, %v", vec, ok)
	}
	if _, ok := PromSeriesDeletion(info, calls[`v.WithLabelValues("a", "b")`]); ok {
		t.Error("PromSeriesDeletion(WithLabelValues) = true")
	}
	obs := info.Uses[calls[`meter.RegisterCallback(cb)`].Args[0].(*ast.Ident)].Type()
	if IsObserverType(obs) {
		t.Error("IsObserverType(Callback) = true")
	}
}

// TestMayBeMetricCall checks the cheap pre-check against the matchers it
// guards: every call one of them accepts passes it.
func TestMayBeMetricCall(t *testing.T) {
	info, calls := checkMetricSrc(t, metricSrc)
	matched := 0
	for src, call := range calls {
		_, instrument := InstrumentOf(info, call)
		_, attrs := MetricAttributesOf(info, call)
		_, labels := PromLabelsOf(info, call)
		_, deletion := PromSeriesDeletion(info, call)
		if instrument || attrs || labels || deletion || IsPromRegister(info, call) || IsMeterRegisterCallback(info, call) {
			matched++
			if !MayBeMetricCall(call) {
				t.Errorf("MayBeMetricCall(%s) = false for a call a metric matcher accepts", src)
			}
		}
	}
	if matched < 4 {
		t.Errorf("only %d calls matched; the test source lost its metric calls", matched)
	}
	if MayBeMetricCall(calls[`len("x")`]) || MayBeMetricCall(calls[`a.String("k", "v")`]) {
		t.Error("MayBeMetricCall accepts len or attribute.String")
	}
}
