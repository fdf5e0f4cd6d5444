package spanend

import (
	_ "embed" // for the rule documentation in doc.go
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// The checks of the rule, in the order the documentation lists them.
const (
	checkNotEnded      = "not-ended"
	checkDiscarded     = "discarded"
	checkOverwritten   = "overwritten"
	checkDeferInLoop   = "defer-in-loop"
	checkUsedAfterEnd  = "used-after-end"
	checkDeferEarlyErr = "defer-captures-err"
	checkRecordError   = "recorderror"
)

var checks = lint.NewChecks([]string{
	checkNotEnded, checkDiscarded, checkOverwritten, checkDeferInLoop,
	checkUsedAfterEnd, checkDeferEarlyErr, checkRecordError, checkLoopSpan, checkLeafSpan,
}, checkLeafSpan)

// includeTests is -spanend.tests: also check _test.go files.
var includeTests bool

// Analyzer is the spanend rule.
var Analyzer = &analysis.Analyzer{
	Name:     "spanend",
	Doc:      lint.MustExtractDoc(doc, "spanend"),
	URL:      "https://github.com/otellint/otellint#spanend",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
	// RunDespiteErrors stays false so that the standalone driver exits 1 on
	// a package that does not type-check. The rule still stays quiet where
	// types are missing (golangci-lint hands analyzers partial type
	// information); TestPartialTypeInfo checks that.
}

func init() {
	Analyzer.Flags.Var(checks, "checks", "comma-separated checks to run: all, or all,-name to switch one off (known: "+
		"not-ended, discarded, overwritten, defer-in-loop, used-after-end, defer-captures-err, recorderror, loop-span, leaf-span; leaf-span is off by default)")
	Analyzer.Flags.BoolVar(&includeTests, "tests", false, "also check _test.go files")
	Analyzer.Flags.Var(&api.Config.StartFuncs, "start-funcs", "comma-separated regular expressions over full function names "+
		"(e.g. github.com/acme/tracing.StartSpan) of in-house functions that start a span, in addition to every Tracer's Start")
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if !mayUseSpans(pass.Pkg) {
		return nil, nil
	}
	insp, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if !ok || pass.TypesInfo == nil {
		return nil, nil
	}
	c := newChecker(pass)
	c.collect(insp)
	c.checkFuncs()
	return nil, nil
}

// mayUseSpans is the fast path: a package can only start or end spans when
// it depends on the trace API, directly or through the types of an in-house
// wrapper (a configured start function returns a trace.Span, so its package
// brings the trace package along; so does a struct field of type
// trace.Tracer declared elsewhere). For a package loaded from export data,
// Imports lists every package its export data refers to.
func mayUseSpans(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if api.ImportsAny(pkg, api.OtelPath) {
		return true
	}
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == api.TracePath {
			return true
		}
		for _, imp := range p.Imports() {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// funcInfo gathers what one function body (a declaration or a literal) holds
// that the checks look at.
type funcInfo struct {
	node  ast.Node // *ast.FuncDecl or *ast.FuncLit
	body  *ast.BlockStmt
	typ   *ast.FuncType
	outer *ast.FuncDecl // the declaration the function is part of, or nil
	// deferredIn is the function that defers this function literal
	// (defer func() { ... }()), or nil.
	deferredIn *funcInfo

	starts       []*startSite
	ends         []*ast.ExprStmt // span.End() statements on a variable
	recordErrors []*ast.ExprStmt // span.RecordError(err) statements
	defers       []*deferSite

	g *graph // built on demand
}

// startSite is one span start and how its results are bound.
type startSite struct {
	api.SpanStart
	stmt    ast.Node     // the *ast.AssignStmt, *ast.ValueSpec or *ast.ExprStmt
	spanLHS ast.Expr     // the expression the span is assigned to, or nil when unused
	ctxLHS  ast.Expr     // the expression the context is assigned to, or nil
	lhs     []ast.Expr   // all the expressions the results are assigned to
	assume  []assumption // the conditions of the if statements the start is in
	inLoop  bool         // the start is inside a loop body of its function
	inList  bool         // stmt is a statement of a block or clause (fixes insert after it)
}

type deferSite struct {
	stmt     *ast.DeferStmt
	inLoop   bool
	loopBody *ast.BlockStmt // the innermost loop body of its function holding it
}

// collect walks the package once and files every span start, End,
// RecordError and defer under its enclosing function.
func (c *checker) collect(insp *inspector.Inspector) {
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.DeferStmt)(nil)}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		if c.skippedFile(stack) {
			return true
		}
		fi := c.funcOf(stack)
		if fi == nil {
			return true
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			body := loopBodyOf(stack, n)
			fi.defers = append(fi.defers, &deferSite{stmt: n, inLoop: body != nil, loopBody: body})
		case *ast.CallExpr:
			if s, ok := c.spanStartOf(n); ok {
				if site := bindStart(s, stack); site != nil {
					fi.starts = append(fi.starts, site)
					if id, ok := ast.Unparen(site.spanLHS).(*ast.Ident); ok {
						if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
							c.started[v] = true
						}
					}
				}
				return true
			}
			c.noteSpanFromContext(n, stack)
			recv, method, ok := api.SpanMethodCall(c.info, n)
			if !ok {
				return true
			}
			stmt, isStmt := parentOf(stack).(*ast.ExprStmt)
			if !isStmt {
				return true
			}
			switch method {
			case "End":
				if _, isIdent := ast.Unparen(recv).(*ast.Ident); isIdent {
					fi.ends = append(fi.ends, stmt)
				}
			case "RecordError":
				fi.recordErrors = append(fi.recordErrors, stmt)
			}
		}
		return true
	})
}

// noteSpanFromContext remembers the variable a trace.SpanFromContext(ctx)
// call is assigned to: the span of the caller, which recorderror checks
// when the function returns the error it records on it.
func (c *checker) noteSpanFromContext(call *ast.CallExpr, stack []ast.Node) {
	if !api.IsSpanFromContext(c.info, call) {
		return
	}
	var lhs ast.Expr
	switch p := parentOf(stack).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			lhs = p.Names[0]
		}
	}
	if id, ok := lhs.(*ast.Ident); ok {
		if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
			c.fromContext[v] = true
		}
	}
}

// generated reports whether the node at the top of stack is in a file with
// a "Code generated ... DO NOT EDIT." header: its author cannot act on it.
// skippedFile reports whether the node on top of stack is in a file the rule
// does not look at: a generated file, or a _test.go file without
// -spanend.tests (a span a test leaves open is gone with the test process;
// on real code every such finding was a fixture nobody would change).
func (c *checker) skippedFile(stack []ast.Node) bool {
	f, ok := stack[0].(*ast.File)
	if !ok {
		return false
	}
	skip, ok := c.skipFiles[f]
	if !ok {
		skip = lint.IsGenerated(f) || (!includeTests && lint.IsTestFile(c.pass, f.Pos()))
		c.skipFiles[f] = skip
	}
	return skip
}

// funcOf returns the funcInfo of the innermost function in stack.
func (c *checker) funcOf(stack []ast.Node) *funcInfo {
	k := len(stack) - 1
	for k >= 0 {
		if _, ok := stack[k].(*ast.FuncDecl); ok {
			break
		}
		if _, ok := stack[k].(*ast.FuncLit); ok {
			break
		}
		k--
	}
	if k < 0 {
		return nil
	}
	fn := stack[k]
	if fi, ok := c.funcs[fn]; ok {
		return fi
	}
	body, typ := lint.FuncBody(fn)
	if body == nil {
		return nil
	}
	fi := &funcInfo{node: fn, body: body, typ: typ, outer: lint.EnclosingFuncDecl(stack[:k+1])}
	if k >= 2 {
		if call, ok := stack[k-1].(*ast.CallExpr); ok && call.Fun == fn {
			if d, ok := stack[k-2].(*ast.DeferStmt); ok && d.Call == call {
				fi.deferredIn = c.funcOf(stack[:k-2])
			}
		}
	}
	c.funcs[fn] = fi
	c.order = append(c.order, fi)
	return fi
}

// parentOf returns the parent of the last node of stack, or nil.
func parentOf(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		if _, paren := stack[i].(*ast.ParenExpr); !paren {
			return stack[i]
		}
	}
	return nil
}

// inLoopBody reports whether the last node of stack lies in the body of a for
// or range loop of its own function.
func inLoopBody(stack []ast.Node, n ast.Node) bool {
	return loopBodyOf(stack, n) != nil
}

// loopBodyOf returns the innermost body of a for or range loop of its own
// function that holds n, the last node of stack, or nil.
func loopBodyOf(stack []ast.Node, n ast.Node) *ast.BlockStmt {
	for i := len(stack) - 2; i >= 0; i-- {
		var body *ast.BlockStmt
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.ForStmt:
			body = s.Body
		case *ast.RangeStmt:
			body = s.Body
		}
		if body != nil && n.Pos() >= body.Pos() && n.End() <= body.End() {
			return body
		}
	}
	return nil
}

// enclosingConds returns the conditions of the if statements of its own
// function that the last node of stack is in, with the branch it is in.
func enclosingConds(stack []ast.Node) []assumption {
	var out []assumption
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return out
		case *ast.IfStmt:
			switch stack[i+1] {
			case s.Body:
				out = append(out, assumption{cond: s.Cond, holds: true})
			case s.Else:
				out = append(out, assumption{cond: s.Cond, holds: false})
			}
		}
	}
	return out
}

// bindStart finds how the results of a span start are bound. It returns nil
// when the results flow somewhere else (returned, passed on), which hands the
// span to someone else.
func bindStart(s api.SpanStart, stack []ast.Node) *startSite {
	site := &startSite{SpanStart: s, inLoop: inLoopBody(stack, s.Call), assume: enclosingConds(stack)}
	var parent ast.Node
	if len(stack) >= 2 {
		parent = stack[len(stack)-2]
	}
	var lhs []ast.Expr
	switch p := parent.(type) {
	case *ast.ExprStmt:
		site.stmt = p
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || p.Rhs[0] != s.Call {
			return nil
		}
		site.stmt, lhs = p, p.Lhs
		if len(stack) >= 3 {
			switch stack[len(stack)-3].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				site.inList = true
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) != 1 || p.Values[0] != s.Call {
			return nil
		}
		site.stmt = p
		for _, id := range p.Names {
			lhs = append(lhs, id)
		}
	default:
		return nil
	}
	site.lhs = lhs
	if lhs != nil {
		if s.SpanResult >= len(lhs) {
			return nil
		}
		site.spanLHS = lhs[s.SpanResult]
		if s.CtxResult >= 0 && s.CtxResult < len(lhs) {
			site.ctxLHS = lhs[s.CtxResult]
		}
	}
	return site
}
