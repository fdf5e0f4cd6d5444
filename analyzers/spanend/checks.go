package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

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
		c.checkLoopSpans(fi)
		c.checkLeafSpanOf(fi)
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

// checkDeferInLoop reports a deferred End inside a loop body: it runs when
// the function returns, not when the iteration ends.
func (c *checker) checkDeferInLoop(fi *funcInfo, d *deferSite) {
	if !d.inLoop || !c.r.Enabled(checkDeferInLoop) {
		return
	}
	call := d.stmt.Call
	if c.outlivesIteration(fi, d) {
		return
	}
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
