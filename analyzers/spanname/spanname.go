package spanname

import (
	_ "embed" // for the rule documentation in doc.go
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer is the spanname rule.
var Analyzer = &analysis.Analyzer{
	Name:     "spanname",
	Doc:      lint.MustExtractDoc(doc, "spanname"),
	URL:      "https://github.com/otellint/otellint#spanname",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
	// RunDespiteErrors stays false, as for every otellint rule, so that the
	// standalone driver exits 1 on code that does not compile instead of
	// reporting findings on it.
}

// The checks, in order of precedence: a name gets at most one finding, from
// the first check that applies.
const (
	checkEmpty         = "empty"
	checkDynamic       = "dynamic"
	checkFunctionStyle = "function-style"
	checkDuplicate     = "duplicate"
	checkConvention    = "convention"
)

var (
	checks  = lint.NewChecks([]string{checkEmpty, checkDynamic, checkFunctionStyle, checkDuplicate, checkConvention})
	pattern patternFlag
	style   styleFlag
	allow   allowFlag
	nameArg = intFlag{v: -1}
)

func init() {
	Analyzer.Flags.Var(checks, "checks", "comma-separated checks to run: empty, dynamic, function-style, duplicate, convention, all, or all,-<check>")
	Analyzer.Flags.Var(&style, "style", "naming profile: default (names wrong for anyone), or guide (also the observability guide's convention: no function names, dotted Service.Action)")
	Analyzer.Flags.Var(&pattern, "pattern", "regular expression a span name must match as a whole; turns the convention check on and replaces the guide's convention")
	Analyzer.Flags.Var(&allow, "allow", "comma-separated span names accepted as they are")
	Analyzer.Flags.Var(&nameArg, "name-arg", "index of the span-name argument of the wrappers set with -spanend.start-funcs (-1: the wrapper's first string parameter)")
}

// site is an expression that becomes a span name, with the function
// declaration it is written in (nil at package level).
type site struct {
	expr ast.Expr
	decl *ast.FuncDecl
	// operation is true for the operation argument of otelhttp.NewHandler
	// and NewMiddleware in a release that names spans after it (before
	// v0.69): only the empty and dynamic checks apply to it, the guide's
	// naming advice being about the span names code chooses.
	operation bool
	// span is the variable a span start assigns the span to, or nil.
	span ast.Expr
	// start is true for the name argument of a span start (not SetName).
	start bool
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if pass.TypesInfo == nil || pass.Pkg == nil || !mayNameSpans(pass.Pkg) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var sites []site
	var formatters []site // the formatter arguments of otelhttp.WithSpanNameFormatter
	skip := map[*ast.File]bool{}
	insp.WithStack(callNodes, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		if skipsNames(pass, stack, skip) {
			return true
		}
		decl := lint.EnclosingFuncDecl(stack)
		if name, ok := spanNameArg(pass.TypesInfo, call); ok {
			_, isStart := api.SpanStartOf(pass.TypesInfo, call)
			sites = append(sites, site{expr: name, decl: decl, span: assignedSpan(stack), start: isStart})
		} else if s, ok := api.SpanNameSiteOf(pass.TypesInfo, call); ok {
			if s.Formatter {
				formatters = append(formatters, site{expr: s.Arg, decl: decl})
			} else if !s.MayBeRenamed && api.OperationNamesSpans(s.Func.Pkg()) && !api.RenamesServerSpansByRoute(pass.Pkg) {
				sites = append(sites, site{expr: s.Arg, decl: decl, operation: true})
			}
		}
		return true
	})
	if len(sites) == 0 && len(formatters) == 0 {
		return nil, nil // no span name to resolve: the index is not needed
	}

	// The index over the package's writes, loops and conversions is built
	// only for a package that names spans (most packages depending on the
	// trace API start none): a second, cheap pass over the same nodes.
	idx := newIndex(pass.TypesInfo)
	for n := range insp.PreorderSeq(indexedNodes...) {
		idx.add(n)
	}
	c := &checker{pass: pass, r: lint.NewReporter(pass, "spanname", checks), ev: newEvaluator(idx), reported: map[token.Pos]bool{}, demo: api.IsStdoutDemo(pass.Pkg)}
	for _, s := range sites {
		c.checkName(s)
	}
	for _, f := range formatters {
		for _, ret := range idx.formatterResults(f) {
			c.checkName(ret)
		}
	}
	c.finish()
	return nil, nil
}

// mayNameSpans is the fast path: a package can start or name spans only if
// it imports the OpenTelemetry API or otelhttp, or depends on the trace API
// at all: a handler calling tracing.Tracer.Start(ctx, name) on a tracer
// exported by an internal package, or a configured start wrapper living in
// another package, needs no import of its own.
func mayNameSpans(pkg *types.Package) bool {
	if api.ImportsAny(pkg, api.OtelPath, api.OtelHTTPPath) {
		return true
	}
	return api.DependsOn(pkg, api.TracePath)
}

// callNodes are the nodes of the walk that finds the span names.
var callNodes = []ast.Node{(*ast.CallExpr)(nil)}

// skipsNames reports whether the file at the bottom of stack is a test or a
// generated file: span names there never reach a production backend or
// cannot be fixed by hand. memo caches the answer per file.
func skipsNames(pass *analysis.Pass, stack []ast.Node, memo map[*ast.File]bool) bool {
	f, ok := stack[0].(*ast.File)
	if !ok {
		return false
	}
	skip, seen := memo[f]
	if !seen {
		skip = lint.IsTestFile(pass, f.Pos()) || lint.IsGenerated(f)
		memo[f] = skip
	}
	return skip
}

// assignedSpan returns the expression a span start at the top of stack
// assigns its span to (span in ctx, span := tracer.Start(...)), or nil.
func assignedSpan(stack []ast.Node) ast.Expr {
	if len(stack) < 2 {
		return nil
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != stack[len(stack)-1] || len(as.Lhs) != 2 {
		return nil
	}
	return as.Lhs[1]
}

// spanNameArg returns the span-name argument of a span start (Tracer.Start
// or a configured wrapper, whose name argument -name-arg may override) or of
// span.SetName.
func spanNameArg(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	if s, ok := api.SpanStartOf(info, call); ok {
		if i := nameArg.get(); s.Configured && i >= 0 {
			s.NameArg = i
		}
		name := s.Name()
		return name, name != nil
	}
	if _, method, ok := api.SpanMethodCall(info, call); ok && method == "SetName" && len(call.Args) == 1 {
		return call.Args[0], true
	}
	return nil, false
}

type checker struct {
	pass     *analysis.Pass
	r        *lint.Reporter
	ev       *evaluator
	reported map[token.Pos]bool
	// demo: the package is a program that prints its spans to stdout and
	// exports them nowhere (api.IsStdoutDemo).
	demo bool
	// pending are the constant names no check has reported yet.
	pending []named
}

// finish runs the checks that compare names (duplicate) over the span
// starts, then the convention over every name neither reported.
func (c *checker) finish() {
	var starts []named
	for _, n := range c.pending {
		if n.start {
			starts = append(starts, n)
		}
	}
	dup := c.checkDuplicates(starts)
	for _, n := range c.pending {
		if !dup[n.expr.Pos()] {
			c.checkStyle(n.site, n.name)
		}
	}
}

// checkName reports the most specific problem of one span name: empty,
// then dynamic, then function-style; duplicate and convention follow in
// finish.
func (c *checker) checkName(s site) {
	// The checks after function-style need every name of the package:
	// constant names that passed so far are kept in c.pending.
	if c.reported[s.expr.Pos()] {
		return
	}
	c.reported[s.expr.Pos()] = true
	if !isString(api.TypeOf(c.pass.TypesInfo, s.expr)) {
		return // not type-checked as a string: nothing to say about it
	}
	if s.span != nil && c.ev.x.renamedLater(c.ev.x.varOf(s.span)) {
		return // the name is replaced with SetName: that call is checked
	}
	v := c.ev.eval(s.expr, 0)
	if p, ok := v.unbounded(); ok {
		if c.r.Enabled(checkDynamic) {
			c.r.Reportf(checkDynamic, s.expr, "%s", dynamicMessage(v, p))
		}
		return
	}
	if p, ok := v.symbol(); ok {
		if !s.operation && c.r.Enabled(checkFunctionStyle) {
			c.r.Reportf(checkFunctionStyle, s.expr, "%s", runtimeNameMessage(p.src))
		}
		return
	}
	name, ok := v.constant()
	if !ok {
		return // built from values of bounded or unknown cardinality
	}
	if name == "" {
		c.r.Reportf(checkEmpty, s.expr, "span name is empty; name the operation the span measures%s", operationHint(c.pass.Pkg, s.decl))
		return
	}
	if s.operation || allow.has(name) {
		return // an otelhttp operation ("server", "api") is checked only for empty and dynamic names
	}
	if c.demo && (symbolName(name) || genericName(name)) {
		return // a demo printing its spans: no back end groups or queries its names
	}
	if symbolName(name) {
		c.r.Reportf(checkFunctionStyle, s.expr, "%s", symbolMessage(name))
		return
	}
	if genericName(name) {
		c.r.Reportf(checkFunctionStyle, s.expr, "%s", placeholderMessage(c.pass.Pkg, s.decl, name))
		return
	}
	n := named{site: s, name: name}
	if s.decl != nil {
		n.fn, _ = c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func)
	}
	c.pending = append(c.pending, n)
}

// checkStyle reports a constant name that is off the team's convention,
// when one is on: the duplicate check had its turn first.
func (c *checker) checkStyle(s site, name string) {
	if !conventionOn() || conforms(name) {
		return // the guide's style and the convention are opt-in
	}
	if msg, ok := functionStyleMessage(c.pass.Pkg, s.decl, name); ok && style.guide() {
		if c.r.Enabled(checkFunctionStyle) {
			c.r.Reportf(checkFunctionStyle, s.expr, "%s", msg)
		}
		return // one finding per name: a function-style name is not also off-convention
	}
	c.r.Reportf(checkConvention, s.expr, "%s", conventionMessage(name))
}

// conventionOn reports whether span names are held to a naming convention:
// the guide's (-style=guide) or the team's own (-pattern). A convention is a
// team's choice, not a defect, so neither is on by default.
func conventionOn() bool { return style.guide() || pattern.get() != nil }
