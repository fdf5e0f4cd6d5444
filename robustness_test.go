package otellint_test

import (
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint"
)

// TestNoFacts enforces the design rule that keeps otellint at the load floor:
// no analyzer, nor anything it requires, uses analyzer facts (a single one
// makes the standalone driver type-check every dependency from source).
func TestNoFacts(t *testing.T) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer, path string)
	visit = func(a *analysis.Analyzer, path string) {
		if seen[a] {
			return
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			t.Errorf("%s%s declares facts %v", path, a.Name, a.FactTypes)
		}
		for _, req := range a.Requires {
			visit(req, path+a.Name+" -> ")
		}
	}
	for _, a := range otellint.Analyzers() {
		visit(a, "")
	}
}

// TestRobustness runs every analyzer over valid but unusual code (which must
// produce no finding) and over a package with type errors, handed over with
// partial type information the way golangci-lint does (which must not
// panic). It drives the analyzers by hand so that they run even though the
// package is ill-typed.
func TestRobustness(t *testing.T) {
	dir := testdataModule(t)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
			packages.NeedTypesInfo | packages.NeedTypesSizes | packages.NeedImports | packages.NeedModule,
		Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./robust/unusual", "./robust/typeerrors")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 2 {
		t.Fatalf("loaded %d packages, want 2", len(pkgs))
	}
	for _, pkg := range pkgs {
		if pkg.Types == nil || pkg.TypesInfo == nil || len(pkg.Syntax) == 0 {
			t.Fatalf("%s: no syntax or types loaded: %v", pkg.PkgPath, pkg.Errors)
		}
		wantErrors := pkg.PkgPath == "otellint.test/robust/typeerrors"
		if got := len(pkg.Errors) > 0; got != wantErrors {
			t.Fatalf("%s: errors %v, want errors: %v", pkg.PkgPath, pkg.Errors, wantErrors)
		}
		for _, a := range otellint.Analyzers() {
			diags := runAnalyzer(t, a, pkg)
			t.Logf("%s on %s: %d findings", a.Name, pkg.PkgPath, len(diags))
			if !wantErrors {
				for _, d := range diags {
					t.Errorf("%s on valid unusual code: unexpected finding at %s: %s",
						a.Name, pkg.Fset.Position(d.Pos), d.Message)
				}
			}
		}
	}
}

// runAnalyzer runs a and its requirements on pkg, failing the test on a
// panic, an error or any use of facts, and returns a's diagnostics.
func runAnalyzer(t *testing.T, root *analysis.Analyzer, pkg *packages.Package) []analysis.Diagnostic {
	t.Helper()
	var diags []analysis.Diagnostic
	results := map[*analysis.Analyzer]any{}
	var exec func(a *analysis.Analyzer) any
	exec = func(a *analysis.Analyzer) any {
		if r, ok := results[a]; ok {
			return r
		}
		resultOf := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			resultOf[req] = exec(req)
		}
		noFacts := func(string) { t.Errorf("%s uses analyzer facts", a.Name) }
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       pkg.Fset,
			Files:      pkg.Syntax,
			OtherFiles: pkg.OtherFiles,
			Pkg:        pkg.Types,
			TypesInfo:  pkg.TypesInfo,
			TypesSizes: pkg.TypesSizes,
			TypeErrors: pkg.TypeErrors,
			ResultOf:   resultOf,
			Report: func(d analysis.Diagnostic) {
				if a == root {
					diags = append(diags, d)
				}
			},
			ReadFile:          os.ReadFile,
			ImportObjectFact:  func(_ types.Object, _ analysis.Fact) bool { noFacts("ImportObjectFact"); return false },
			ImportPackageFact: func(_ *types.Package, _ analysis.Fact) bool { noFacts("ImportPackageFact"); return false },
			ExportObjectFact:  func(_ types.Object, _ analysis.Fact) { noFacts("ExportObjectFact") },
			ExportPackageFact: func(_ analysis.Fact) { noFacts("ExportPackageFact") },
			AllObjectFacts:    func() []analysis.ObjectFact { noFacts("AllObjectFacts"); return nil },
			AllPackageFacts:   func() []analysis.PackageFact { noFacts("AllPackageFacts"); return nil },
		}
		var res any
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panicked on %s: %v\n%s", a.Name, pkg.PkgPath, r, debug.Stack())
				}
			}()
			var err error
			res, err = a.Run(pass)
			if err != nil {
				t.Errorf("%s failed on %s: %v", a.Name, pkg.PkgPath, err)
			}
		}()
		results[a] = res
		return res
	}
	exec(root)
	return diags
}

// testdataModule returns the testdata module with its requirements
// downloaded.
func testdataModule(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	return dir
}
