package cardinality

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

func TestPolicy(t *testing.T) {
	p := newPolicy([]string{"tenant_id"}, []string{"url.path"})
	for key, want := range map[string]bool{
		"user_id": true, "enduser.id": true, "UserID": true, "customerId": true,
		"http.request_id": true, "client.address": true, "email": true,
		"url.full": true, "raw_path": true, "created_at": true, "timestamp": true,
		"id": true, "tenantID": true,
		"url.path": false, "route": false, "http.route": false, "method": false,
		"status_class": false, "order.status": false, "ip_version": false,
		"user_agent.original": false, "runtime": false, "query": false, "conn.id": false,
	} {
		if _, got := p.deniedKey(key); got != want {
			t.Errorf("deniedKey(%q) = %v, want %v", key, got, want)
		}
	}
	if _, ok := p.deniedName("path"); ok {
		t.Error(`deniedName("path") = true: only id-like names judge a value`)
	}
	if _, ok := p.deniedName("sessionID"); !ok {
		t.Error(`deniedName("sessionID") = false`)
	}
}

func TestCoarse(t *testing.T) {
	for _, tc := range []struct {
		bounds []float64
		scale  float64
		want   bool
	}{
		{[]float64{0.1, 1, 10}, 1, true},
		{[]float64{0.005, 0.01, 0.025, 0.05, 0.1}, 1, false},
		{[]float64{0.01, 0.1, 1}, 1, true}, // nothing strictly between
		{[]float64{1, 5, 30, 60}, 1, false},
		{[]float64{1, 5, 100, 500}, 1000, true},
		{[]float64{5, 10, 25, 50}, 1000, false},
	} {
		if got := coarse(tc.bounds, tc.scale); got != tc.want {
			t.Errorf("coarse(%v, %v) = %v, want %v", tc.bounds, tc.scale, got, tc.want)
		}
	}
}

func TestSetupNames(t *testing.T) {
	for name, want := range map[string]bool{
		"NewServer": true, "newMetrics": true, "init": true, "main": true, "Start": true,
		"MustRegister": true, "setupMetrics": true, "registerGauges": true,
		"Newsletter": false, "CreateOrder": false, "ServeOrders": false, "Handle": false,
	} {
		if got := isSetupName(name); got != want {
			t.Errorf("isSetupName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestPartialTypeInfo runs the rule on a package whose type information is
// missing: no finding, no panic.
func TestPartialTypeInfo(t *testing.T) {
	const src = `package x
import (
	"net/http"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)
var meter metric.Meter
func H(w http.ResponseWriter, r *http.Request) {
	c, _ := meter.Int64Counter("x")
	for _, p := range []string{r.URL.Path} {
		attrs := []attribute.KeyValue{attribute.String("user_id", p)}
		attrs = append(attrs, attribute.String("path", r.URL.Path))
		c.Add(r.Context(), 1, metric.WithAttributes(attrs...), metric.WithAttributeSet(attribute.NewSet(attrs...)))
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("x", "x")
	pkg.SetImports([]*types.Package{types.NewPackage(api.MetricPath, "metric")})
	files := []*ast.File{f}
	for _, info := range []*types.Info{
		{},
		{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}},
	} {
		var got []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:  Analyzer,
			Fset:      fset,
			Files:     files,
			Pkg:       pkg,
			TypesInfo: info,
			ResultOf: map[*analysis.Analyzer]any{
				inspect.Analyzer:    inspector.New(files),
				lint.IgnoreAnalyzer: (*lint.Ignores)(nil),
			},
			Report: func(d analysis.Diagnostic) { got = append(got, d) },
		}
		if _, err := run(pass); err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("findings without type information: %v", got)
		}
	}
}
