package spanend

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

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
			// ctx.Done(), ctx.Value(k): reading the context; but
			// trace.SpanFromContext(r.Context()).End() ends the span.
			if n.X == stack[i+1] {
				if i >= 2 && n.Sel.Name == "Context" {
					if inner, ok := stack[i-1].(*ast.CallExpr); ok && inner.Fun == n {
						if sfc, ok := stack[i-2].(*ast.CallExpr); ok && api.SpanFromContextArg(c.info, sfc) == ast.Expr(inner) {
							return c.spanFromContextEnded(fi, stack[:i-1])
						}
					}
				}
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
