package lint_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/lint"
)

// demo is a test-only rule that reports every call to a function named
// alpha or beta, under the check of that name, through a lint.Reporter, so
// that the testdata can show which //otellint:ignore directives silence it.
var demo = &analysis.Analyzer{
	Name:     "demo",
	Doc:      "report calls to alpha and beta (test only)",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		r := lint.NewReporter(pass, "demo", nil)
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			call := n.(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && (id.Name == "alpha" || id.Name == "beta") {
				r.Reportf(id.Name, call, "call to %s", id.Name)
			}
		})
		return nil, nil
	},
}

func TestIgnoreDirective(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), demo, "ignore")
	// The directive index is shared by every rule; check its result once
	// directly too: the Reporter is not the only way to consult it.
	for _, r := range results {
		ig, ok := r.Pass.ResultOf[lint.IgnoreAnalyzer].(*lint.Ignores)
		if !ok || ig == nil {
			t.Fatalf("%s: IgnoreAnalyzer result = %T, want *lint.Ignores", r.Pass.Pkg.Path(), r.Pass.ResultOf[lint.IgnoreAnalyzer])
		}
	}
}

// TestSilencedWithoutDirectives: a nil or empty index silences nothing.
func TestSilencedWithoutDirectives(t *testing.T) {
	var ig *lint.Ignores
	if ig.Silenced(nil, 1, "demo", "alpha") {
		t.Error("a nil *Ignores silenced a finding")
	}
}

// TestAllGenerated: a package whose every file is generated (and has no
// //line directive) is one where every finding is silenced.
func TestAllGenerated(t *testing.T) {
	got := map[string]bool{}
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "record lint.AllGenerated (test only)",
		Requires: []*analysis.Analyzer{lint.IgnoreAnalyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			got[pass.Pkg.Path()] = lint.AllGenerated(pass)
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), probe, "plain", "allgenerated", "linedirective")
	for pkg, want := range map[string]bool{"plain": false, "allgenerated": true, "linedirective": false} {
		if g, ok := got[pkg]; !ok || g != want {
			t.Errorf("AllGenerated(%s) = %v (ran: %v), want %v", pkg, g, ok, want)
		}
	}
}
