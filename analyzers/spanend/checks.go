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

// checkFuncs runs every check on every function that starts, ends or
// annotates a span.
func (c *checker) checkFuncs() {
	for _, fi := range c.order {
		overwrites := map[*ast.CallExpr]bool{}
		for _, s := range fi.starts {
			c.checkStart(fi, s, overwrites)
		}
		for _, d := range fi.defers {
			c.checkDeferInLoop(fi, d)
			c.checkDeferCapturesErr(fi, d)
		}
		if c.r.Enabled(checkUsedAfterEnd) {
			for _, e := range fi.ends {
				c.checkUsedAfterEnd(fi, e)
			}
		}
		if c.r.Enabled(checkRecordError) {
			for _, re := range fi.recordErrors {
				c.checkRecordError(fi, re)
			}
		}
	}
}

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
	if s.spanLHS == nil || isBlank(s.spanLHS) {
		if !c.ctxEscapes(fi, s) {
			assign := "ctx, span := ..."
			if s.CtxResult < 0 {
				assign = "span := ..."
			}
			c.r.Reportf(checkDiscarded, s.stmt, "%s started here is discarded, so it can never be ended; assign it (%s) and add defer span.End()", label, assign)
		}
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
	named := isNamedResult(c.info, v, fi)
	if c.endedByEarlierClosure(fi, g, s, v) {
		return
	}
	var ctxVar *types.Var
	if s.ctxLHS != nil {
		ctxVar = localVar(c.info, s.ctxLHS, fi)
	}
	l := c.findLeak(leakQuery{g: g, body: fi.body, start: s.stmt, v: v, errVar: c.errResultVar(fi, s), ctxVar: ctxVar, namedResult: named,
		assume: c.stableAssumptions(fi, s), onOverwrite: func(restart *ast.CallExpr) {
			if overwrites[restart] {
				return
			}
			overwrites[restart] = true
			c.r.Reportf(checkOverwritten, restart, "%s started here is assigned to %s while %s started at line %d is not ended; call %s.End() before starting the next span",
				c.restartLabel(restart), v.Name(), label, c.line(s.stmt.Pos()), v.Name())
		},
		onDeferByRef: func(n, lit ast.Node) {
			c.checkOverwriteAfterDefer(g, s, v, label, n, lit, overwrites)
		},
	})
	if l == nil {
		return
	}
	var msg string
	switch l.kind {
	case leakReturn:
		msg = fmt.Sprintf("%s started here is not ended on the path through the return at line %d; add defer %s.End()", label, c.line(l.pos), v.Name())
	case leakFuncEnd:
		msg = fmt.Sprintf("%s started here is not ended on the path that reaches the end of the function at line %d; add defer %s.End()", label, c.line(l.pos), v.Name())
	case leakLoop:
		msg = fmt.Sprintf("%s started here in a loop is not ended before the next iteration starts another; call %s.End() before the iteration ends", label, v.Name())
	case leakPartial:
		msg = fmt.Sprintf("%s started here is ended by the deferred function at line %d only on some of its paths; call %s.End() on every path", label, c.line(l.pos), v.Name())
	default:
		return
	}
	d := analysis.Diagnostic{Pos: s.stmt.Pos(), End: s.stmt.End(), Message: msg}
	if (l.kind == leakReturn || l.kind == leakFuncEnd) && c.canInsertDeferEnd(fi, s, v, named) {
		d.SuggestedFixes = c.deferEndFix(s, v)
	}
	c.r.Report(checkNotEnded, d)
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

// ctxEscapes reports whether the context returned with a discarded span
// leaves the function, so that whoever receives it can end the span through
// trace.SpanFromContext: it is returned, stored in a field, global, map or
// slice element, sent on a channel, or trace.SpanFromContext(ctx).End() is
// called here. Merely passing the context to a call is not an escape.
func (c *checker) ctxEscapes(fi *funcInfo, s *startSite) bool {
	if s.ctxLHS == nil || isBlank(s.ctxLHS) {
		return false
	}
	ctx := localVar(c.info, s.ctxLHS, fi)
	if ctx == nil {
		return true // a field, global or captured variable
	}
	return c.varEscapes(fi, ctx, map[*types.Var]bool{})
}

// varEscapes reports whether the context-carrying local variable v leaves
// the function (see ctxEscapes), following it into other local variables
// (ctx2 := ctx, r = r.WithContext(ctx)).
func (c *checker) varEscapes(fi *funcInfo, v *types.Var, seen map[*types.Var]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	escapes := false
	var stack []ast.Node
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if escapes {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || c.info.Uses[id] != v {
			return true
		}
		escapes = c.ctxUseEscapes(fi, stack, seen)
		return true
	})
	return escapes
}

// ctxUseEscapes classifies one use of a context variable (the last node of
// stack).
func (c *checker) ctxUseEscapes(fi *funcInfo, stack []ast.Node, seen map[*types.Var]bool) bool {
	id := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ReturnStmt, *ast.SendStmt, *ast.CompositeLit:
			return true
		case *ast.SelectorExpr:
			// ctx.Done(), ctx.Value(k): reading the context.
			if n.X == stack[i+1] {
				return false
			}
		case *ast.AssignStmt:
			inRHS := false
			for _, r := range n.Rhs {
				if id.Pos() >= r.Pos() && id.End() <= r.End() {
					inRHS = true
				}
			}
			if !inRHS {
				return false
			}
			for _, l := range n.Lhs {
				if isBlank(l) {
					continue
				}
				lv := localVar(c.info, l, fi)
				if lv == nil {
					return true // a field, map or slice element, global
				}
				if carriesContext(lv.Type()) && c.varEscapes(fi, lv, seen) {
					return true
				}
			}
			return false
		case *ast.CallExpr:
			if arg := api.SpanFromContextArg(c.info, n); arg != nil && i+1 < len(stack) && stack[i+1] == ast.Node(arg) {
				return c.spanFromContextEnded(fi, stack[:i+1])
			}
			// Passing the context to a call is not an escape, unless the
			// call returns a value carrying it (context.WithValue(ctx, ...),
			// r.WithContext(ctx)) that escapes in turn.
			if !carriesContext(api.TypeOf(c.info, n)) {
				return false
			}
		}
		// Anything else (a closure mentioning the context, a conversion):
		// the enclosing expression decides.
	}
	return false
}

// carriesContext reports whether a value of type t carries a context: a
// context.Context or an *http.Request.
func carriesContext(t types.Type) bool {
	return api.IsContext(t) || api.IsHTTPRequest(t)
}

// spanFromContextEnded reports whether the trace.SpanFromContext call at the
// top of stack is ended: trace.SpanFromContext(ctx).End(), or its result
// assigned to a variable that is ended.
func (c *checker) spanFromContextEnded(fi *funcInfo, stack []ast.Node) bool {
	call := stack[len(stack)-1]
	if len(stack) < 2 {
		return false
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.SelectorExpr:
		return p.X == call && p.Sel.Name == "End"
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if v := localVar(c.info, p.Lhs[0], fi); v != nil {
				return c.effectOf(fi.body, v, false).kind.handled()
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			if v := localVar(c.info, p.Names[0], fi); v != nil {
				return c.effectOf(fi.body, v, false).kind.handled()
			}
		}
	}
	return false
}

// checkDeferInLoop reports a deferred End inside a loop body: it runs when
// the function returns, not when the iteration ends.
func (c *checker) checkDeferInLoop(fi *funcInfo, d *deferSite) {
	if !d.inLoop || !c.r.Enabled(checkDeferInLoop) {
		return
	}
	call := d.stmt.Call
	if recv, method, ok := api.SpanMethodCall(c.info, call); ok && method == "End" {
		c.r.Reportf(checkDeferInLoop, d.stmt, "defer %s.End() in a loop body runs only when the function returns, so every iteration's span stays open until then; call %s.End() at the end of the iteration or move the loop body into a function",
			types.ExprString(recv), types.ExprString(recv))
		return
	}
	if c.deferredCallEndsSpan(fi, call) {
		c.r.Reportf(checkDeferInLoop, d.stmt, "deferred call in a loop body ends a span only when the function returns, so every iteration's span stays open until then; end the span at the end of the iteration or move the loop body into a function")
	}
}

// deferredCallEndsSpan reports whether a deferred function literal or
// same-package helper ends a span variable.
func (c *checker) deferredCallEndsSpan(fi *funcInfo, call *ast.CallExpr) bool {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if ce, ok := n.(*ast.CallExpr); ok && !found {
				if _, method, ok := api.SpanMethodCall(c.info, ce); ok && method == "End" {
					found = true
				}
			}
			return !found
		})
		return found
	}
	fn := api.Callee(c.info, call)
	decl, ok := c.decls[fn]
	if fn == nil || !ok {
		return false
	}
	for i, arg := range call.Args {
		if api.IsSpan(api.TypeOf(c.info, arg)) && c.helperEndsParam(fn, decl, i) {
			return true
		}
	}
	return false
}

// checkDeferCapturesErr reports `defer finish(span, err)` when err is
// assigned after the defer statement: the arguments are evaluated when the
// defer statement runs, so the deferred call sees the old error.
func (c *checker) checkDeferCapturesErr(fi *funcInfo, d *deferSite) {
	if !c.r.Enabled(checkDeferEarlyErr) {
		return
	}
	call := d.stmt.Call
	if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return
	}
	if !c.involvesSpan(call) {
		return
	}
	reported := map[*types.Var]bool{}
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // read when the closure runs
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					return false // &err: read through the pointer later
				}
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := c.info.Uses[id].(*types.Var)
			if !ok || reported[v] || !isError(v.Type()) || localVar(c.info, id, fi) == nil {
				return true
			}
			at := c.assignedAfter(fi, v, d.stmt.End())
			if !at.IsValid() {
				return true
			}
			reported[v] = true
			c.r.Reportf(checkDeferEarlyErr, id, "deferred %s receives %s when the defer statement runs, before %s is assigned at line %d; defer a closure instead: defer func() { %s }()",
				types.ExprString(call.Fun), v.Name(), v.Name(), c.line(at), types.ExprString(call))
			return true
		})
	}
}

// involvesSpan reports whether call is a span method call or takes a span.
func (c *checker) involvesSpan(call *ast.CallExpr) bool {
	if _, _, ok := api.SpanMethodCall(c.info, call); ok {
		return true
	}
	for _, arg := range call.Args {
		if api.IsSpan(api.TypeOf(c.info, arg)) {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, errorType)
}

// assignedAfter returns the position of the first assignment to v in fi's
// own body after pos (a return with results counts when v is a named
// result), or token.NoPos.
func (c *checker) assignedAfter(fi *funcInfo, v *types.Var, pos token.Pos) token.Pos {
	named := isNamedResult(c.info, v, fi)
	found := token.NoPos
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if found.IsValid() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Pos() < pos {
				return true
			}
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.info.ObjectOf(id) == v {
					found = n.Pos()
				}
			}
		case *ast.ReturnStmt:
			if named && n.Pos() > pos && len(n.Results) > 0 {
				found = n.Pos()
			}
		}
		return true
	})
	return found
}

// checkUsedAfterEnd reports span method calls that change a span on a path
// after a non-deferred span.End().
func (c *checker) checkUsedAfterEnd(fi *funcInfo, end *ast.ExprStmt) {
	call, ok := end.X.(*ast.CallExpr)
	if !ok {
		return
	}
	recv := api.Receiver(c.info, call)
	id, ok := ast.Unparen(recv).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	g := c.graphOf(fi.body)
	endLine := c.line(end.Pos())
	c.forEachNodeAfter(g, end, func(n ast.Node) bool {
		use, reassigned := c.mutationAfterEnd(n, v)
		if use != nil {
			c.reportUsedAfterEnd(use, v, endLine)
			return false
		}
		return !reassigned
	})
}

// mutationAfterEnd looks in node n for the first call of a span method that
// changes v (not deferred, not in a closure), and whether n assigns v.
func (c *checker) mutationAfterEnd(n ast.Node, v *types.Var) (use *ast.CallExpr, reassigned bool) {
	if id, ok := n.(*ast.Ident); ok && c.info.ObjectOf(id) == v {
		return nil, true // the key or value of a range loop
	}
	ast.Inspect(n, func(x ast.Node) bool {
		if use != nil {
			return false
		}
		switch x := x.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.info.ObjectOf(id) == v {
					reassigned = true
				}
			}
		case *ast.ValueSpec:
			for _, name := range x.Names {
				if c.info.Defs[name] == v {
					reassigned = true
				}
			}
		case *ast.CallExpr:
			recv, method, ok := api.SpanMethodCall(c.info, x)
			if ok && api.SpanMutators[method] {
				if id, ok := ast.Unparen(recv).(*ast.Ident); ok && c.info.Uses[id] == v {
					use = x
					return false
				}
			}
		}
		return true
	})
	if use != nil && reassigned {
		// `span = ...` with a use on its right-hand side: the use comes first.
		return use, false
	}
	return use, reassigned
}

func (c *checker) reportUsedAfterEnd(use *ast.CallExpr, v *types.Var, endLine int) {
	key := use.Pos()
	if c.usedAfterEnd[key] {
		return
	}
	c.usedAfterEnd[key] = true
	_, method, _ := api.SpanMethodCall(c.info, use)
	if method == "End" {
		c.r.Reportf(checkUsedAfterEnd, use, "%s.End is called again after %s.End() at line %d; end the span once", v.Name(), v.Name(), endLine)
		return
	}
	c.r.Reportf(checkUsedAfterEnd, use, "%s.%s is called after %s.End() at line %d and is dropped; call it before End",
		v.Name(), method, v.Name(), endLine)
}
