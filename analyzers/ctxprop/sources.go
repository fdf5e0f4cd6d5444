package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// contextAt returns the context reachable at pos, preferring one that may
// carry a trace over a local holding nothing but a fresh root (which is
// returned only when there is no other).
func (c *collector) contextAt(stack []ast.Node, pos token.Pos) (api.ContextSource, bool) {
	funcs := lint.EnclosingFuncs(stack)
	// A local declared without a value (var ctx context.Context) is nil
	// until an assignment before pos — often one in a callback that runs
	// later — and no context to pass.
	isNil := func(v *types.Var) bool {
		if !c.unset[v] {
			return false
		}
		at, ok := c.setAt[v]
		return !ok || at >= pos
	}
	if src, ok := api.ContextAtExcept(c.pass.Pkg, c.pass.TypesInfo, funcs, pos, func(v *types.Var) bool { return c.pure[v] || isNil(v) }); ok {
		return src, true
	}
	return api.ContextAtExcept(c.pass.Pkg, c.pass.TypesInfo, funcs, pos, isNil)
}

// noteUnset records the context locals a declaration leaves nil: var ctx
// context.Context.
func (c *collector) noteUnset(spec *ast.ValueSpec) {
	if len(spec.Values) > 0 {
		return
	}
	for _, id := range spec.Names {
		if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
			c.unset[v] = true
		}
	}
}

// noteSet records the first assignment of a value to each context local
// declared without one. Assignments of nil do not count, nor do those in a
// function literal nested in the variable's function: a callback runs at
// a time the order of the source does not tell.
func (c *collector) noteSet(as *ast.AssignStmt, stack []ast.Node) {
	var fn ast.Node
	if fs := lint.EnclosingFuncs(stack); len(fs) > 0 {
		fn = fs[len(fs)-1]
	}
	for i, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !c.unset[v] || fn == nil || !lint.DeclaredIn(v, fn) {
			continue
		}
		if len(as.Rhs) == len(as.Lhs) && api.IsNil(c.pass.TypesInfo, as.Rhs[i]) {
			continue
		}
		if _, seen := c.setAt[v]; !seen {
			c.setAt[v] = as.Pos()
		}
	}
}

// pureRoot reports whether e is a fresh root context with nothing in it: a
// context.Background() or context.TODO() call, a test's t.Context(), a
// variable holding one, or a context.WithX derivation of one.
func (c *collector) pureRoot(e ast.Expr) bool {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && c.pure[v]
	case *ast.CallExpr:
		if k := c.kindOf(api.Callee(info, x)); k == calleeFresh || k == calleeFreshWrapper || isTestContext(info, x) {
			return true
		}
		return isContextDerivation(info, x) && len(x.Args) > 0 && c.pureRoot(x.Args[0])
	}
	return false
}

// notePureRoots tracks local context variables that hold a fresh root and
// nothing else (no span, no values from a caller): ctx, cancel :=
// context.WithTimeout(context.Background(), d). Any other assignment to
// the variable ends that.
func (c *collector) notePureRoots(lhs, rhs []ast.Expr) {
	info := c.pass.TypesInfo
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || !api.IsContextLike(v.Type()) {
			continue
		}
		var r ast.Expr
		switch {
		case len(rhs) == len(lhs):
			r = rhs[i]
		case len(rhs) == 1 && i == 0:
			r = rhs[0]
		}
		if u := derivedFromVar(info, r); u != nil && info.Defs[id] == v {
			c.derivedFrom[v] = u
		}
		switch {
		case r == nil || !c.pureRoot(r):
			delete(c.pure, v)
		case info.Defs[id] == v:
			// Declared here holding a fresh root. (An assignment
			// keeps a variable empty but does not make it so: it may
			// run on one branch only, and parameters stay sources.)
			c.pure[v] = true
		}
	}
}

// derivedFromVar returns the context variable e holds or derives from
// (ctx, context.WithTimeout(ctx, d)), or nil.
func derivedFromVar(info *types.Info, e ast.Expr) *types.Var {
	if e == nil {
		return nil
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if !isContextDerivation(info, call) || len(call.Args) == 0 {
			return nil
		}
		e = call.Args[0]
	}
	return lint.IdentVar(info, e)
}

// isTestContext reports whether call is t.Context() of a *testing.T, B or
// F, or of a testing.TB: a root a test starts, cancelled when it ends.
func isTestContext(info *types.Info, call *ast.CallExpr) bool {
	fn := api.Callee(info, call)
	return fn != nil && fn.Name() == "Context" && fn.Pkg() != nil && fn.Pkg().Path() == "testing" && len(call.Args) == 0
}

// inCallbackWithOwnContext reports whether the top of stack lies in a
// function literal whose own context.Context parameter is unnamed or blank
// (_) and which lies inside the scope of src (the context ContextAt found;
// ok tells whether it found one). That parameter, not src, is the context
// at hand there — whoever calls the callback passes it (a dialer's, a
// worker pool's) — and its author set it aside: an unnamed parameter can
// no more be used than a blank one. Nothing is reported there; src would
// be the wrong context to name.
func (c *collector) inCallbackWithOwnContext(stack []ast.Node, src api.ContextSource, ok bool) bool {
	funcs := lint.EnclosingFuncs(stack)
	for i := len(funcs) - 1; i >= 0; i-- {
		fl, isLit := funcs[i].(*ast.FuncLit)
		if !isLit || ok && lint.DeclaredIn(src.Var, fl) {
			return false
		}
		if fl.Type.Params == nil {
			continue
		}
		for _, f := range fl.Type.Params.List {
			if !api.IsContext(api.TypeOf(c.pass.TypesInfo, f.Type)) {
				continue
			}
			if len(f.Names) == 0 {
				return true
			}
			for _, id := range f.Names {
				if id.Name == "_" {
					return true
				}
			}
		}
	}
	return false
}
