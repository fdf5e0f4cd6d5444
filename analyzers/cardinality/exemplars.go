package cardinality

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// exemplars: a metrics endpoint or a MeterProvider that drops the
// exemplars a tracing program records. An exemplar links a histogram
// bucket or a counter increment to the trace of one measurement in it;
// Prometheus only receives exemplars over the OpenMetrics format, which
// promhttp negotiates only with HandlerOpts.EnableOpenMetrics.

// exemplarSource says why the program records exemplars, or "".
func (c *checker) exemplarSource(recorder *ast.CallExpr) string {
	if recorder != nil {
		return fmt.Sprintf("%s at line %d records one", api.Callee(c.info, recorder).Name(), c.line(recorder.Pos()))
	}
	if api.DependsOn(c.pass.Pkg, api.OTelPrometheusExporterPath) {
		return "the OpenTelemetry Prometheus exporter adds them to measurements made in sampled spans"
	}
	return ""
}

// checkExemplars reports promhttp handlers that cannot serve exemplars and
// exemplar.AlwaysOffFilter in a program that traces.
func (c *checker) checkExemplars() {
	if !c.r.Enabled(checkExemplars) {
		return
	}
	pkg := c.pass.Pkg
	if !api.ImportsAny(pkg, api.PromhttpPath, api.ExemplarPath) || !api.DependsOn(pkg, api.SDKTracePath) {
		return // no trace for an exemplar to point to
	}
	var handlers []*ast.CallExpr
	var recorder *ast.CallExpr
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.Ident)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.Ident:
			if obj := c.info.Uses[n]; obj != nil && api.IsDropAllExemplarFilter(obj) {
				var at ast.Expr = n
				if k, _ := cur.ParentEdge(); k == edge.SelectorExpr_Sel {
					at = cur.Parent().Node().(*ast.SelectorExpr) // exemplar.AlwaysOffFilter
				}
				c.report(checkExemplars, at, "%s drops every exemplar: a latency bucket can no longer link to a trace that shows it, in a program that traces; remove the option (the default filter keeps measurements made in sampled spans)", shortExpr(at))
			}
		case *ast.CallExpr:
			if _, ok := api.MetricsHandlerOf(c.info, n); ok {
				handlers = append(handlers, n)
			} else if recorder == nil && api.IsExemplarRecorder(api.Callee(c.info, n)) {
				recorder = n
			}
		}
	}
	if len(handlers) == 0 || c.servesOpenMetricsSomewhere(handlers) {
		return
	}
	source := c.exemplarSource(recorder)
	if source == "" {
		return // nothing records exemplars: the text format loses nothing
	}
	for _, call := range handlers {
		c.checkMetricsHandler(call, source)
	}
}

// checkMetricsHandler reports a promhttp handler that serves only the text
// format: promhttp.Handler(), or HandlerFor with a HandlerOpts literal that
// does not set EnableOpenMetrics. Options held in a variable, or an
// EnableOpenMetrics field of any value, are the user's choice.
func (c *checker) checkMetricsHandler(call *ast.CallExpr, source string) {
	opts, _ := api.MetricsHandlerOf(c.info, call)
	const lost = "serves the Prometheus text format, which drops exemplars (%s): a latency bucket cannot link to a trace that shows it; %s"
	if opts == nil {
		fix, ok := c.handlerFix(call)
		advice := "serve promhttp.HandlerFor(prometheus.DefaultGatherer, promhttp.HandlerOpts{EnableOpenMetrics: true}), wrapped in promhttp.InstrumentMetricHandler(prometheus.DefaultRegisterer, ...) as Handler() is"
		d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: fmt.Sprintf("promhttp.Handler() "+lost, source, advice)}
		if ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.reportDiagnostic(checkExemplars, d)
		return
	}
	lit := handlerOptsLiteral(opts)
	if lit == nil || openMetricsField(lit) != nil || hasPositionalFields(lit) {
		return
	}
	name := api.Callee(c.info, call).Name()
	d := analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Message: fmt.Sprintf("promhttp."+name+" "+lost, source, "set EnableOpenMetrics: true in its HandlerOpts")}
	d.SuggestedFixes = []analysis.SuggestedFix{c.optsFix(lit)}
	c.reportDiagnostic(checkExemplars, d)
}

// servesOpenMetricsSomewhere reports whether one of the package's
// handlers sets EnableOpenMetrics to the constant true. Its author knows
// what the text format loses, so a handler left in the text format beside
// it (a second registry of usage or build data, a legacy endpoint) is
// their choice, as an EnableOpenMetrics field of any value is.
func (c *checker) servesOpenMetricsSomewhere(handlers []*ast.CallExpr) bool {
	for _, call := range handlers {
		opts, _ := api.MetricsHandlerOf(c.info, call)
		lit := handlerOptsLiteral(opts)
		if lit == nil {
			continue
		}
		if v := openMetricsField(lit); v != nil {
			if tv, ok := c.info.Types[v]; ok && tv.Value != nil && constant.BoolVal(tv.Value) {
				return true
			}
		}
	}
	return false
}

// handlerOptsLiteral is the HandlerOpts literal opts is, with or without
// &, or nil.
func handlerOptsLiteral(opts ast.Expr) *ast.CompositeLit {
	if opts == nil {
		return nil
	}
	e := ast.Unparen(opts)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// openMetricsField is the value of lit's EnableOpenMetrics field, or nil.
func openMetricsField(lit *ast.CompositeLit) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "EnableOpenMetrics" {
				return kv.Value
			}
		}
	}
	return nil
}

// hasPositionalFields reports whether lit lists its fields without keys.
func hasPositionalFields(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return true
		}
	}
	return false
}

// optsFix adds EnableOpenMetrics: true to a HandlerOpts literal, keeping
// its other fields.
func (c *checker) optsFix(lit *ast.CompositeLit) analysis.SuggestedFix {
	text := "EnableOpenMetrics: true"
	if n := len(lit.Elts); n > 0 {
		if c.line(lit.Elts[n-1].End()) < c.line(lit.Rbrace) {
			text += ",\n" // the last field ends its line with a comma
		} else {
			text = ", " + text
		}
	}
	return analysis.SuggestedFix{
		Message:   "set EnableOpenMetrics: true",
		TextEdits: []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}},
	}
}

// handlerFix replaces promhttp.Handler() by what it is, with OpenMetrics
// enabled:
// promhttp.InstrumentMetricHandler(prometheus.DefaultRegisterer,
// promhttp.HandlerFor(prometheus.DefaultGatherer, promhttp.HandlerOpts{EnableOpenMetrics: true})).
// It imports client_golang's prometheus package when the file does not,
// and offers no fix when the name prometheus means something else there.
func (c *checker) handlerFix(call *ast.CallExpr) (analysis.SuggestedFix, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	ph := types.ExprString(sel.X)
	file := c.fileOf(call.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	var edits []analysis.TextEdit
	prom := ""
	for _, imp := range file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == api.PrometheusPath {
			switch {
			case imp.Name == nil:
				prom = "prometheus"
			case imp.Name.Name != "_" && imp.Name.Name != ".":
				prom = imp.Name.Name
			}
		}
	}
	if prom == "" {
		// Import it, unless the name is taken in the file or the package.
		for _, imp := range file.Imports {
			if imp.Name != nil && imp.Name.Name == "prometheus" {
				return analysis.SuggestedFix{}, false
			}
			if path, _ := strconv.Unquote(imp.Path.Value); imp.Name == nil && c.importedName(path) == "prometheus" {
				return analysis.SuggestedFix{}, false
			}
		}
		if c.pass.Pkg.Scope().Lookup("prometheus") != nil || len(file.Imports) == 0 {
			return analysis.SuggestedFix{}, false
		}
		prom = "prometheus"
		last := file.Imports[len(file.Imports)-1]
		edits = append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + strconv.Quote(api.PrometheusPath))})
		if gd := importDecl(file); gd == nil || !gd.Lparen.IsValid() {
			return analysis.SuggestedFix{}, false // a single unparenthesised import: keep the fix simple
		}
	} else if !c.denotesPackage(prom, call.Pos(), api.PrometheusPath) {
		return analysis.SuggestedFix{}, false // shadowed
	}
	repl := fmt.Sprintf("%[1]s.InstrumentMetricHandler(%[2]s.DefaultRegisterer, %[1]s.HandlerFor(%[2]s.DefaultGatherer, %[1]s.HandlerOpts{EnableOpenMetrics: true}))", ph, prom)
	edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(repl)})
	return analysis.SuggestedFix{Message: "serve OpenMetrics, which carries exemplars", TextEdits: edits}, true
}

// denotesPackage reports whether name denotes the import of path at pos.
func (c *checker) denotesPackage(name string, pos token.Pos, path string) bool {
	inner := c.pass.Pkg.Scope().Innermost(pos)
	if inner == nil {
		return false
	}
	_, obj := inner.LookupParent(name, pos)
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == path
}

// importDecl returns the import declaration of f, or nil.
func importDecl(f *ast.File) *ast.GenDecl {
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			return gd
		}
	}
	return nil
}

// importedName returns the package name of an import path the package
// imports, or "".
func (c *checker) importedName(path string) string {
	for _, p := range c.pass.Pkg.Imports() {
		if p.Path() == path {
			return p.Name()
		}
	}
	return ""
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// reportDiagnostic reports d under check once per position, with the
// filters of report.
func (c *checker) reportDiagnostic(check string, d analysis.Diagnostic) {
	k := reportKey{d.Pos, check}
	if c.reported[k] || c.generated[c.pass.Fset.File(d.Pos)] || lint.IsTestFile(c.pass, d.Pos) {
		return
	}
	c.reported[k] = true
	c.r.Report(check, d)
}
