package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// outlivesIteration reports whether the span a deferred call in a loop body
// ends must stay open after the iteration: its context (or the span) flows
// into a value that is kept past the iteration, such as an iterator built
// from the span's context and appended to a slice the function reads after
// the loop:
//
//	for _, b := range blocks {
//		ctx, span := tracer.Start(ctx, "iterate")
//		defer span.End()
//		it, err := b.Iterator(ctx)
//		...
//		iters = append(iters, it)
//	}
//
// Ending the span at the end of the iteration would end it before its work
// runs; deferring End to the function's return is then the intent.
func (c *checker) outlivesIteration(fi *funcInfo, d *deferSite) bool {
	if d.loopBody == nil {
		return false
	}
	tainted := map[*types.Var]bool{}
	for _, v := range c.deferredEndVars(d.stmt.Call) {
		tainted[v] = true
		for _, s := range fi.starts {
			if s.spanLHS == nil || s.ctxLHS == nil || localVar(c.info, s.spanLHS, fi) != v {
				continue
			}
			if s.Call.Pos() < d.loopBody.Pos() || s.Call.End() > d.loopBody.End() {
				continue
			}
			if ctx := localVar(c.info, s.ctxLHS, fi); ctx != nil {
				tainted[ctx] = true
			}
		}
	}
	if len(tainted) == 0 {
		return false
	}
	// The span and its context are the sources: a value computed from
	// them (a result, a count) is data; a value that works with them later
	// (an iterator, a reader, a stream: an interface, a function, a
	// channel, or a context) keeps them. Whatever holds such a value keeps
	// them too.
	sources := map[*types.Var]bool{}
	for v := range tainted {
		sources[v] = true
	}
	inBody := func(v *types.Var) bool { return v.Pos() >= d.loopBody.Pos() && v.Pos() < d.loopBody.End() }
	// reads reports whether e reads a tainted value, and whether only the
	// sources themselves.
	reads := func(e ast.Node) (found, onlySources bool) {
		onlySources = true
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && tainted[v] {
					found = true
					onlySources = onlySources && sources[v]
				}
			}
			return true
		})
		return found, onlySources
	}
	escapes := false
	ast.Inspect(d.loopBody, func(n ast.Node) bool {
		if escapes {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false
		case *ast.SendStmt:
			found, onlySources := reads(n.Value)
			escapes = found && (!onlySources || keepsWork(api.TypeOf(c.info, n.Value)))
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				return true
			}
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					if _, isStart := c.spanStartOf(call); isStart {
						return true // the start itself (ctx, span = tracer.Start(ctx, ...))
					}
				}
			}
			for i, l := range n.Lhs {
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				t := api.TypeOf(c.info, l)
				found, onlySources := reads(rhs)
				if !found || !mayCarry(t) || (onlySources && !keepsWork(t)) {
					continue
				}
				v := c.assignedVar(l)
				switch {
				case v == nil:
					if !isBlank(l) {
						escapes = true // a field, map or slice element
					}
				case inBody(v):
					tainted[v] = true
				default:
					escapes = true // a variable that outlives the iteration
				}
			}
		}
		return true
	})
	return escapes
}

// deferredEndVars returns the span variables a deferred call ends: the
// receiver of defer span.End(), or the End receivers in a deferred literal.
func (c *checker) deferredEndVars(call *ast.CallExpr) []*types.Var {
	var out []*types.Var
	add := func(ce *ast.CallExpr) {
		if recv, method, ok := api.SpanMethodCall(c.info, ce); ok && method == "End" {
			if id, ok := ast.Unparen(recv).(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok {
					out = append(out, v)
				}
			}
		}
	}
	add(call)
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if ce, ok := n.(*ast.CallExpr); ok {
				add(ce)
			}
			return true
		})
	}
	return out
}

// keepsWork reports whether a value of type t, built from a span's
// context, can go on using it: an interface (an iterator, a reader), a
// function, a channel, or a context-carrying value.
func keepsWork(t types.Type) bool {
	if t == nil {
		return false
	}
	if carriesContext(t) {
		return true
	}
	switch t.Underlying().(type) {
	case *types.Interface, *types.Signature, *types.Chan:
		return !isError(t)
	}
	return false
}

// mayCarry reports whether a value of type t can hold on to a context or a
// span: not a number, string, boolean or error.
func mayCarry(t types.Type) bool {
	if t == nil {
		return true
	}
	if _, basic := t.Underlying().(*types.Basic); basic {
		return false
	}
	return !isError(t)
}
