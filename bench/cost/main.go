// Command cost measures, in one process, what each otellint rule adds on
// top of loading the packages: it loads the packages once (as the
// multichecker does: syntax and types for the targets, export data for their
// dependencies), builds each package's inspector (the floor analyzer's only
// work), then times every rule — with the requirements the floor does not
// have — over all packages, sequentially and repeatedly. Timing the added
// work directly is far less noisy than subtracting two whole-process runs of
// a few seconds each on a shared machine. bench/driver combines the result
// with the floor's measured CPU time; see bench/README.md.
//
// Output, one line per configuration: "<name> <median-ns> <min-ns> <max-ns>",
// where "all" is every rule together (the ignore index computed once, as in
// the real driver).
package main

import (
	"flag"
	"fmt"
	"go/types"
	"os"
	"sort"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint"
)

func main() {
	runs := flag.Int("runs", 5, "repetitions")
	flag.Parse()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
		packages.NeedTypes | packages.NeedTypesInfo | packages.NeedTypesSizes | packages.NeedImports | packages.NeedModule}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cost:", err)
		os.Exit(1)
	}
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) == 0 && p.Types != nil && p.TypesInfo != nil {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		fmt.Fprintln(os.Stderr, "cost: no package loaded without errors")
		os.Exit(1)
	}
	// The floor's own work, done once and shared: the inspector.
	base := make([]map[*analysis.Analyzer]any, len(ok))
	for i, p := range ok {
		base[i] = map[*analysis.Analyzer]any{}
		run(inspect.Analyzer, p, base[i])
	}
	rules := otellint.Analyzers()
	configs := [][]*analysis.Analyzer{rules}
	names := []string{"all"}
	for _, a := range rules {
		configs = append(configs, []*analysis.Analyzer{a})
		names = append(names, a.Name)
	}
	samples := make([][]time.Duration, len(configs))
	for r := 0; r < *runs; r++ {
		for c, set := range configs {
			start := time.Now()
			for i, p := range ok {
				results := map[*analysis.Analyzer]any{inspect.Analyzer: base[i][inspect.Analyzer]}
				for _, a := range set {
					run(a, p, results)
				}
			}
			samples[c] = append(samples[c], time.Since(start))
		}
	}
	for c, name := range names {
		s := samples[c]
		sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
		fmt.Printf("%s %d %d %d\n", name, s[len(s)/2], s[0], s[len(s)-1])
	}
}

// run runs a on p after its requirements, memoised in results.
func run(a *analysis.Analyzer, p *packages.Package, results map[*analysis.Analyzer]any) any {
	if r, ok := results[a]; ok {
		return r
	}
	resultOf := map[*analysis.Analyzer]any{}
	for _, req := range a.Requires {
		resultOf[req] = run(req, p, results)
	}
	pass := &analysis.Pass{
		Analyzer: a, Fset: p.Fset, Files: p.Syntax, OtherFiles: p.OtherFiles, Pkg: p.Types,
		TypesInfo: p.TypesInfo, TypesSizes: p.TypesSizes, ResultOf: resultOf,
		Report:            func(analysis.Diagnostic) {},
		ReadFile:          os.ReadFile,
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	res, err := a.Run(pass)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cost: %s on %s: %v\n", a.Name, p.PkgPath, err)
		os.Exit(1)
	}
	results[a] = res
	return res
}
