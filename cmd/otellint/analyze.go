package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// directiveIndex is the method set of the result of the analyzer that
// indexes //otellint:ignore directives (lint.IgnoreAnalyzer, internal to
// analyzers/ and found through the rules' requirements).
type directiveIndex interface {
	EachDirective(func(pos token.Pos, rules []string, reason string, used []bool))
}

var directiveIndexType = reflect.TypeFor[directiveIndex]()

// findIgnoreAnalyzer returns the analyzer among the requirements of
// analyzers whose result is the directive index, or nil.
func findIgnoreAnalyzer(analyzers []*analysis.Analyzer) *analysis.Analyzer {
	seen := map[*analysis.Analyzer]bool{}
	var found *analysis.Analyzer
	var visit func(as []*analysis.Analyzer)
	visit = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if seen[a] || found != nil {
				continue
			}
			seen[a] = true
			if a.ResultType != nil && a.ResultType.Implements(directiveIndexType) {
				found = a
				return
			}
			visit(a.Requires)
		}
	}
	visit(analyzers)
	return found
}

// packageDirectives is what the driver keeps of one analyzed package for
// directive hygiene: its directives, after every rule ran on it.
type packageDirectives struct {
	pkg        *types.Package
	pkgID      string
	fset       *token.FileSet
	files      []*ast.File
	directives []rawDirective
}

type rawDirective struct {
	pos    token.Pos
	rules  []string
	reason string
	used   []bool
}

// analysisResult is the outcome of one analysis of loaded packages.
type analysisResult struct {
	findings   []*finding          // deduplicated, sorted
	errors     []analysisError     // analyzer failures (not load errors)
	directives []packageDirectives // per package, for directive hygiene
	graph      *checker.Graph
}

// analyze runs analyzers on pkgs. A driver analyzer requiring every rule
// runs last on each package: it records the package's directives once all
// rules have consulted them, and counts packages for the progress line.
func analyze(pkgs []*packages.Package, analyzers []*analysis.Analyzer, opts *options, prog *progress) (*analysisResult, error) {
	res := &analysisResult{}
	var mu sync.Mutex
	ignore := findIgnoreAnalyzer(analyzers)
	requires := append([]*analysis.Analyzer(nil), analyzers...)
	if ignore != nil {
		requires = append(requires, ignore)
	}
	driver := &analysis.Analyzer{
		Name:             "otellintdriver",
		Doc:              "record each package's //otellint:ignore directives after every rule ran (internal)",
		Requires:         requires,
		RunDespiteErrors: true,
		Run: func(pass *analysis.Pass) (any, error) {
			prog.packageDone()
			idx, _ := pass.ResultOf[ignore].(directiveIndex)
			if idx == nil {
				return nil, nil
			}
			pd := packageDirectives{pkg: pass.Pkg, fset: pass.Fset, files: pass.Files}
			idx.EachDirective(func(pos token.Pos, rules []string, reason string, used []bool) {
				pd.directives = append(pd.directives, rawDirective{pos, rules, reason, used})
			})
			if len(pd.directives) > 0 {
				mu.Lock()
				res.directives = append(res.directives, pd)
				mu.Unlock()
			}
			return nil, nil
		},
	}
	prog.startAnalysis(len(pkgs))
	roots := append([]*analysis.Analyzer{driver}, analyzers...)
	graph, err := checker.Analyze(roots, pkgs, &checker.Options{
		Sequential:  opts.debugging('p'),
		SanityCheck: opts.debugging('s'),
	})
	prog.done()
	if err != nil {
		return nil, err
	}
	res.graph = graph

	idOf := map[*types.Package]string{}
	for _, p := range pkgs {
		idOf[p.Types] = p.ID
	}
	for i := range res.directives {
		res.directives[i].pkgID = idOf[res.directives[i].pkg]
	}

	seen := map[findingKey]*finding{}
	errSeen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Analyzer == driver {
			continue
		}
		if act.Err != nil {
			if !isLoadError(act.Err) {
				e := analysisError{act.Analyzer.Name, act.Package.ID, act.Err.Error()}
				if !errSeen[e.String()] {
					errSeen[e.String()] = true
					res.errors = append(res.errors, e)
				}
			}
			continue
		}
		for _, d := range act.Diagnostics {
			f := newFinding(act.Analyzer, act.Package, d)
			if prev, ok := seen[f.key()]; ok {
				// The same file in p and p [p.test]: keep the plainer package.
				if len(f.pkgID) < len(prev.pkgID) {
					prev.pkgID = f.pkgID
				}
				continue
			}
			seen[f.key()] = f
			res.findings = append(res.findings, f)
		}
	}
	sortFindings(res.findings)
	sort.Slice(res.errors, func(i, j int) bool { return res.errors[i].String() < res.errors[j].String() })
	if opts.debugging('t') {
		printTiming(graph)
	}
	return res, nil
}

// analysisError is the failure of an analyzer on a package (a bug: the
// rules do not fail on code they cannot judge).
type analysisError struct {
	analyzer, pkgID, msg string
}

func (e analysisError) String() string {
	return fmt.Sprintf("%s failed on %s: %s", e.analyzer, e.pkgID, e.msg)
}

func newFinding(a *analysis.Analyzer, pkg *packages.Package, d analysis.Diagnostic) *finding {
	rule, check := splitCategory(a.Name, d.Category)
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	return &finding{
		analyzer: a,
		rule:     rule,
		check:    check,
		posn:     pkg.Fset.Position(d.Pos),
		end:      pkg.Fset.Position(end),
		message:  d.Message,
		function: enclosingFunction(pkg.Fset, pkg.Syntax, d.Pos),
		pkgID:    pkg.ID,
		fset:     pkg.Fset,
		diag:     d,
	}
}

// printTiming prints the actions that took 90% of the analysis time
// (-debug=t), as the multichecker does.
func printTiming(graph *checker.Graph) {
	var list []*checker.Action
	var total time.Duration
	for act := range graph.All() {
		list = append(list, act)
		total += act.Duration
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Duration > list[j].Duration })
	var sum time.Duration
	for _, act := range list {
		fmt.Fprintf(stderr, "%s\t%s\n", act.Duration, act)
		sum += act.Duration
		if sum >= total*9/10 {
			break
		}
	}
	if total > sum {
		fmt.Fprintf(stderr, "%s\tall others\n", total-sum)
	}
}
