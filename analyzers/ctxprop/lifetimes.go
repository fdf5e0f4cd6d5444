package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// noteRetainedArgs records the context variables given to a call that
// builds a long-lived client keeping them (api.RetainsContext: ctx :=
// context.WithValue(context.Background(), oauth2.HTTPClient, hc);
// src := conf.TokenSource(ctx)): like a context stored in a field, the
// fresh root is the client's lifetime context.
func (c *collector) noteRetainedArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 || !api.RetainsContext(c.pass.TypesInfo, call) {
		return
	}
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
				c.stored[v] = true
			}
		}
	}
}

// freshContextFlow returns the variable the value at the top of stack is
// stored in — directly (ctx := context.Background()) or through a
// context.WithX derivation (ctx, cancel := context.WithTimeout(context.Background(), d)) —
// and whether the store is a plain assignment (=) rather than a declaration.
func freshContextFlow(info *types.Info, stack []ast.Node) (*types.Var, bool) {
	lhs, tok := flowTarget(info, stack)
	if id, ok := lhs.(*ast.Ident); ok {
		v, _ := info.ObjectOf(id).(*types.Var)
		return v, tok == token.ASSIGN
	}
	return nil, false
}

// flowTarget returns the expression the value at the top of stack (or a
// context derived from it by context.WithX) is stored into — the left-hand
// side of an assignment or declaration, or the key of a composite literal
// element — and the assignment's token, or nil.
func flowTarget(info *types.Info, stack []ast.Node) (ast.Expr, token.Token) {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.CallExpr:
			if argIndex(p, e) == 0 && isContextDerivation(info, p) {
				e = p
				continue
			}
		case *ast.AssignStmt:
			return assignedExpr(p.Lhs, p.Rhs, e), p.Tok
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(p.Names))
			for j, n := range p.Names {
				names[j] = n
			}
			return assignedExpr(names, p.Values, e), token.DEFINE
		case *ast.KeyValueExpr:
			if p.Value == e && i > 0 {
				if _, ok := stack[i-1].(*ast.CompositeLit); ok && literalKept(stack[:i]) {
					return p.Key, token.ILLEGAL
				}
			}
		}
		return nil, token.ILLEGAL
	}
	return nil, token.ILLEGAL
}

func assignedExpr(lhs, rhs []ast.Expr, e ast.Node) ast.Expr {
	idx := -1
	for i, r := range rhs {
		if r == e {
			idx = i
		}
	}
	if idx < 0 || len(rhs) != 1 && len(rhs) != len(lhs) || idx >= len(lhs) {
		return nil
	}
	return ast.Unparen(lhs[idx])
}

// literalKept reports whether the composite literal at the top of stack is
// kept as a component — returned, assigned, declared, or nested in such a
// literal — rather than passed to a call or sent on a channel as a message
// (queue <- Job{Ctx: ...}), whose context should carry the trace.
func literalKept(stack []ast.Node) bool {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return false
			}
			e = p
		case *ast.KeyValueExpr:
			if p.Value != e {
				return false
			}
			e = p
		case *ast.CompositeLit:
			e = p
		case *ast.ReturnStmt, *ast.ValueSpec:
			return true
		case *ast.AssignStmt:
			for _, r := range p.Rhs {
				if r == e {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// storedForLater reports whether the fresh context at the top of stack is
// kept beyond the function — in a struct field (s.ctx, cancel =
// context.WithCancel(context.Background()); &Svc{ctx: ...}) or a package
// variable — as the lifetime context of a long-lived component, which
// rightly starts its own traces.
func storedForLater(info *types.Info, stack []ast.Node) bool {
	lhs, tok := flowTarget(info, stack)
	switch x := lhs.(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal
		}
		v, ok := info.ObjectOf(x.Sel).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.Ident:
		if tok == token.ILLEGAL {
			return true // a struct literal's field key
		}
		v, ok := info.ObjectOf(x).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// noteStoredContexts records context variables that an assignment or a
// composite literal keeps beyond the function (ix.ctx = lctx;
// &Indexer{ctx: lctx}): a fresh root stored in them is a component's
// lifetime context (see storedForLater).
func (c *collector) noteStoredContexts(n ast.Node) {
	info := c.pass.TypesInfo
	note := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
				c.stored[v] = true
			}
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					note(n.Rhs[i])
				}
			}
		}
	case *ast.CompositeLit:
		if t := api.TypeOf(info, n); t == nil || !isStructType(t) {
			return
		}
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				note(kv.Value)
			}
		}
	}
}

// isStructType reports whether t is a struct or a pointer to one.
func isStructType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
