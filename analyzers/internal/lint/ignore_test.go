package lint_test

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
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

// TestEachDirective: after the rules ran, the directive index lists every
// directive outside generated files, with its rules, its reason and which
// rules silenced a finding: what the standalone command's directive hygiene
// reads. The probe requires demo, so it runs after demo reported.
func TestEachDirective(t *testing.T) {
	type entry struct {
		line   int
		rules  string
		reason string
		used   string
	}
	var got []entry
	probe := &analysis.Analyzer{
		Name:     "directiveprobe",
		Doc:      "record lint.Ignores.EachDirective after demo ran (test only)",
		Requires: []*analysis.Analyzer{demo, lint.IgnoreAnalyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			ig := pass.ResultOf[lint.IgnoreAnalyzer].(*lint.Ignores)
			ig.EachDirective(func(pos token.Pos, rules []string, reason string, used []bool) {
				u := make([]string, len(used))
				for i, b := range used {
					u[i] = strconv.FormatBool(b)
				}
				got = append(got, entry{pass.Fset.Position(pos).Line, strings.Join(rules, ","), reason, strings.Join(u, ",")})
			})
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), probe, "directives")
	want := []entry{
		{11, "demo", "used on its own line", "true"},
		{12, "demo", "used on the line below", "true"},
		{14, "demo/alpha", "used by its check", "true"},
		{19, "demo", "unused: two lines above the call", "false"},
		{22, "demo/alpha", "unused: the call below is beta", "false"},
		{24, "spanend", "unused: another rule", "false"},
		{29, "spanend,demo", "only demo is used", "false,true"},
		{31, "all", "used through all", "true"},
		{36, "", "", ""},
		{38, "demo", "", "true"},
	}
	if len(got) != len(want) {
		t.Fatalf("EachDirective listed %d directives, want %d:\n got %+v\nwant %+v", len(got), len(want), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("directive %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
