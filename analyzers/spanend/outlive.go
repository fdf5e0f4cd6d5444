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
	// The span and its context taint what is computed from them. A value
	// that can go on working with them later is strong: an interface, a
	// function, a channel or a context, or a value handed to a parameter
	// of a non-empty interface type (an iterator wrapped into a merger's
	// bookmark). Plain data computed from them (a count, a result struct)
	// is weak and may outlive the iteration. A strong value stored where it
	// outlives the iteration keeps the span's work going.
	strong := map[*types.Var]bool{}
	derived := map[*types.Var]bool{} // tainted, other than the span and its context
	for v := range tainted {
		strong[v] = false // the sources: their own type decides
	}
	inBody := func(v *types.Var) bool { return v.Pos() >= d.loopBody.Pos() && v.Pos() < d.loopBody.End() }
	// reads reports whether e reads a tainted value, and whether what it
	// builds from it is strong.
	reads := func(e ast.Expr, t types.Type) (found, isStrong bool) {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if v, ok := c.info.Uses[n].(*types.Var); ok && tainted[v] {
					found = true
					isStrong = isStrong || strong[v]
				}
			case *ast.CallExpr:
				if c.passesToInterface(n, derived) {
					isStrong = true
				}
			}
			return true
		})
		if found && keepsWork(t) {
			isStrong = true
		}
		return found, isStrong
	}
	escapes := false
	ast.Inspect(d.loopBody, func(n ast.Node) bool {
		if escapes {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false
		case *ast.GoStmt:
			// A goroutine that uses the span or its context works on after
			// the iteration (the function waits for it, or not at all).
			escapes, _ = reads(n.Call, nil)
			return !escapes
		case *ast.CallExpr:
			if lit := goroutineLiteral(n); lit != nil {
				escapes, _ = reads(lit, nil)
				return !escapes
			}
		case *ast.SendStmt:
			t := api.TypeOf(c.info, n.Value)
			if ch, ok := types.Unalias(api.TypeOf(c.info, n.Chan)).Underlying().(*types.Chan); ok {
				t = ch.Elem() // sent as the channel's element type
			}
			_, escapes = reads(n.Value, t)
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
				found, isStrong := reads(rhs, t)
				if !found || !mayCarry(t) {
					continue
				}
				v := c.assignedVar(l)
				switch {
				case v != nil && inBody(v):
					tainted[v] = true
					derived[v] = true
					strong[v] = strong[v] || isStrong
				case isStrong && !isBlank(l):
					escapes = true // a variable, field or element that outlives the iteration
				}
			}
		}
		return true
	})
	return escapes
}

// passesToInterface reports whether call passes one of vars to a parameter
// of a non-empty interface type (other than error and context.Context).
func (c *checker) passesToInterface(call *ast.CallExpr, vars map[*types.Var]bool) bool {
	sig, ok := api.TypeOf(c.info, call.Fun).(*types.Signature)
	if !ok {
		if t := api.TypeOf(c.info, call.Fun); t != nil {
			sig, ok = t.Underlying().(*types.Signature)
		}
		if !ok {
			return false
		}
	}
	for i, a := range call.Args {
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || !vars[v] {
			continue
		}
		var pt types.Type
		switch {
		case i < sig.Params().Len()-1 || (i < sig.Params().Len() && !sig.Variadic()):
			pt = sig.Params().At(i).Type()
		case sig.Variadic() && sig.Params().Len() > 0:
			if sl, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
				pt = sl.Elem()
			}
		}
		if pt == nil {
			continue
		}
		if iface, ok := pt.Underlying().(*types.Interface); ok && !iface.Empty() && !isError(pt) && !api.IsContext(pt) {
			return true
		}
	}
	return false
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

// goroutineLiteral returns the function literal that call runs on a
// goroutine of a group — g.Go(func() error {...}) of an errgroup, a
// WaitGroup or a worker pool (a method named Go or TryGo) — or nil.
func goroutineLiteral(call *ast.CallExpr) *ast.FuncLit {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Go" && sel.Sel.Name != "TryGo") {
		return nil
	}
	for _, a := range call.Args {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
			return lit
		}
	}
	return nil
}
