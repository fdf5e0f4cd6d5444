package spanend

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// spanLabel names a span in messages: `span "checkout"` when its name is a
// constant, else just `span`.
func (c *checker) spanLabel(s api.SpanStart) string {
	if name, ok := api.StringConst(c.info, s.Name()); ok {
		return "span " + strconv.Quote(name)
	}
	return "span"
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// checkStart runs the checks about one span start: discarded, not-ended and
// overwritten.
func (c *checker) checkStart(fi *funcInfo, s *startSite, overwrites map[*ast.CallExpr]bool) {
	label := c.spanLabel(s.SpanStart)
	if c.noopStart(s.SpanStart) {
		return // a noop span records and holds nothing
	}
	if s.spanLHS == nil || isBlank(s.spanLHS) {
		c.checkDiscarded(fi, s, label)
		return
	}
	v := localVar(c.info, s.spanLHS, fi)
	if v == nil {
		return // stored into a field, map, slice element or a variable that outlives the function
	}
	if !c.r.Enabled(checkNotEnded) && !c.r.Enabled(checkOverwritten) {
		return
	}
	g := c.graphOf(fi.body)
	if c.endedByEarlierClosure(fi, g, s, v) {
		return
	}
	l := c.findLeak(c.leakQueryOf(fi, g, s, v, label, overwrites))
	if l == nil {
		return
	}
	if !c.returnsVar(fi, v) && c.ctxEscapes(fi, s) {
		// The span travels on in its context (stored in a map of active
		// hooks, returned, sent on a channel): whoever receives it ends it
		// through trace.SpanFromContext, as otelhttptrace's client tracer
		// does. That is a hand-off, not a leak. A function that returns
		// the span itself on some path hands it over explicitly, so a path
		// returning only the context still leaks it.
		return
	}
	d := analysis.Diagnostic{Pos: s.stmt.Pos(), End: s.stmt.End(), Message: c.notEndedMessage(l, label, v, s.inLoop)}
	if (l.kind == leakReturn || l.kind == leakFuncEnd) && c.canInsertDeferEnd(fi, s, v, isNamedResult(c.info, v, fi)) {
		d.SuggestedFixes = c.deferEndFix(s, v)
	}
	c.r.Report(checkNotEnded, d)
}

// checkDiscarded reports a start whose span is thrown away, unless its
// context carries the span on to code that can end it.
func (c *checker) checkDiscarded(fi *funcInfo, s *startSite, label string) {
	if !c.r.Enabled(checkDiscarded) || c.ctxEscapes(fi, s) {
		return
	}
	assign := "ctx, span := ..."
	if s.CtxResult < 0 {
		assign = "span := ..."
	}
	c.r.Reportf(checkDiscarded, s.stmt, "%s started here is discarded, so it can never be ended; assign it (%s) and add defer span.End()", label, assign)
}

// leakQueryOf describes the search for a leak of the span v started at s;
// overwrites found on the way are reported as they are found.
func (c *checker) leakQueryOf(fi *funcInfo, g *graph, s *startSite, v *types.Var, label string, overwrites map[*ast.CallExpr]bool) leakQuery {
	q := leakQuery{
		g: g, body: fi.body, start: s.stmt, v: v,
		errVar:      c.errResultVar(fi, s),
		namedResult: isNamedResult(c.info, v, fi),
		assume:      c.stableAssumptions(fi, s),
	}
	if s.ctxLHS != nil {
		q.ctxVar = localVar(c.info, s.ctxLHS, fi)
	}
	q.onOverwrite = func(restart *ast.CallExpr) {
		if overwrites[restart] {
			return
		}
		overwrites[restart] = true
		c.r.Reportf(checkOverwritten, restart, "%s started here is assigned to %s while %s started at line %d is not ended; call %s.End() before starting the next span",
			c.restartLabel(restart), v.Name(), label, c.line(s.stmt.Pos()), v.Name())
	}
	q.onDeferByRef = func(n, lit ast.Node) {
		c.checkOverwriteAfterDefer(g, s, v, label, n, lit, overwrites)
	}
	return q
}

// notEndedMessage says how the span leaks. A span started in a loop body
// is not told to defer End: the deferred call would run only when the
// function returns.
func (c *checker) notEndedMessage(l *leak, label string, v *types.Var, inLoop bool) string {
	switch {
	case inLoop && l.kind == leakReturn:
		return fmt.Sprintf("%s started here in a loop is not ended on the path through the return at line %d; call %s.End() on that path before the iteration ends (a deferred End would run only when the function returns)", label, c.line(l.pos), v.Name())
	case inLoop && l.kind == leakFuncEnd:
		return fmt.Sprintf("%s started here in a loop is not ended on the path that reaches the end of the function at line %d; call %s.End() at the end of the iteration (a deferred End would run only when the function returns)", label, c.line(l.pos), v.Name())
	}
	switch l.kind {
	case leakReturn:
		return fmt.Sprintf("%s started here is not ended on the path through the return at line %d; add defer %s.End()", label, c.line(l.pos), v.Name())
	case leakFuncEnd:
		return fmt.Sprintf("%s started here is not ended on the path that reaches the end of the function at line %d; add defer %s.End()", label, c.line(l.pos), v.Name())
	case leakLoop:
		return fmt.Sprintf("%s started here in a loop is not ended before the next iteration starts another; call %s.End() before the iteration ends", label, v.Name())
	case leakGuarded:
		return fmt.Sprintf("%s started here is not ended on the path that leaves the function at line %d: the deferred function at line %d ends it only when %s is %t, and on that path it is not; end the span there or hand it to code that does", label, c.line(l.pos), c.line(l.deferAt), l.flag, l.flagOn)
	default: // leakPartial
		return fmt.Sprintf("%s started here is ended by the deferred function at line %d only on some of its paths; call %s.End() on every path", label, c.line(l.pos), v.Name())
	}
}

// stableAssumptions returns the conditions of the if statements enclosing
// the start whose variables the function never assigns after the start, so
// that testing one again takes the same branch.
func (c *checker) stableAssumptions(fi *funcInfo, s *startSite) []assumption {
	var out []assumption
	for _, a := range s.assume {
		if c.condStable(fi, a.cond, s.stmt.End()) {
			out = append(out, a)
		}
	}
	return out
}

// condStable reports whether no variable that cond reads is assigned,
// incremented or has its address taken in fi's body after pos, and cond
// calls nothing.
func (c *checker) condStable(fi *funcInfo, cond ast.Expr, pos token.Pos) bool {
	roots := map[types.Object]bool{}
	stable := true
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			stable = false
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok {
				roots[v] = true
			}
		}
		return stable
	})
	if !stable || len(roots) == 0 {
		return false
	}
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && roots[c.info.ObjectOf(id)] {
				found = true
			}
			return !found
		})
		return found
	}
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if !stable || n == nil || n.End() < pos {
			return stable
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if n.Pos() > pos && mentions(l) {
					stable = false
				}
			}
		case *ast.IncDecStmt:
			if n.Pos() > pos && mentions(n.X) {
				stable = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && n.Pos() > pos && mentions(n.X) {
				stable = false
			}
		}
		return stable
	})
	return stable
}

// errResultVar returns the local variable receiving the error result of a
// start function that returns one (an in-house wrapper), or nil.
func (c *checker) errResultVar(fi *funcInfo, s *startSite) *types.Var {
	if s.Func == nil || s.lhs == nil {
		return nil
	}
	sig, ok := s.Func.Type().(*types.Signature)
	if !ok {
		return nil
	}
	for i := 0; i < sig.Results().Len() && i < len(s.lhs); i++ {
		if isError(sig.Results().At(i).Type()) {
			return localVar(c.info, s.lhs[i], fi)
		}
	}
	return nil
}

// endedByEarlierClosure reports whether a start assigning an existing
// variable comes, on every path, after a deferred closure that ends the
// variable: the closure ends this span when the function returns.
func (c *checker) endedByEarlierClosure(fi *funcInfo, g *graph, s *startSite, v *types.Var) bool {
	as, ok := s.stmt.(*ast.AssignStmt)
	if !ok || definesVar(c.info, as, v) {
		return false
	}
	named := isNamedResult(c.info, v, fi)
	deferred := func(n ast.Node) bool {
		if _, ok := n.(*ast.DeferStmt); !ok {
			return false
		}
		e := c.effectOf(n, v, named)
		return e.kind == effDeferEnd && e.byRef
	}
	return !c.pathAvoids(g, s.stmt, false, deferred)
}

// checkOverwriteAfterDefer reports a span start assigned to v after a
// deferred closure that ends v: the closure reads v when the function
// returns and ends only the last span, so the one started at s stays open.
func (c *checker) checkOverwriteAfterDefer(g *graph, s *startSite, v *types.Var, label string, deferNode, lit ast.Node, overwrites map[*ast.CallExpr]bool) {
	if !c.r.Enabled(checkOverwritten) {
		return
	}
	c.forEachNodeAfter(g, deferNode, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || !assigns(c.info, as, v) {
			return true
		}
		if as.Tok == token.DEFINE && definesVar(c.info, as, v) {
			return false // a new variable (:= in a loop body): the closure captured the old one
		}
		if len(as.Rhs) == 1 {
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && !overwrites[call] {
				if _, isStart := c.spanStartOf(call); isStart {
					overwrites[call] = true
					c.r.Reportf(checkOverwritten, call, "%s started here is assigned to %s, which the deferred function at line %d reads only when the function returns, so %s started at line %d is never ended; end it first or use a new variable",
						c.restartLabel(call), v.Name(), c.line(lit.Pos()), label, c.line(s.stmt.Pos()))
				}
			}
		}
		return false
	})
}

// assigns reports whether as assigns the variable v.
func assigns(info *types.Info, as *ast.AssignStmt, v *types.Var) bool {
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
			return true
		}
	}
	return false
}

// definesVar reports whether as declares v (rather than assigning it).
func definesVar(info *types.Info, as *ast.AssignStmt, v *types.Var) bool {
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && info.Defs[id] == v {
			return true
		}
	}
	return false
}

// restartLabel names the span a restart begins.
func (c *checker) restartLabel(call *ast.CallExpr) string {
	if s, ok := c.spanStartOf(call); ok {
		return c.spanLabel(s)
	}
	return "span"
}

func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// returnsVar reports whether some return statement of fi (not of a nested
// function literal) mentions v.
func (c *checker) returnsVar(fi *funcInfo, v *types.Var) bool {
	found := false
	ast.Inspect(fi.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				found = found || api.Mentions(c.info, r, v)
			}
		}
		return !found
	})
	return found
}
