package lint

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// ArgIndex returns the index of e among the arguments of call (e itself or
// its unparenthesised form), or -1.
func ArgIndex(call *ast.CallExpr, e ast.Node) int {
	for i, a := range call.Args {
		if a == e || ast.Unparen(a) == e {
			return i
		}
	}
	return -1
}

// AwaitedContext returns the context variable v when e receives from its
// Done channel (<-v.Done()), or nil.
func AwaitedContext(info *types.Info, e ast.Expr) *types.Var {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil
	}
	call, ok := ast.Unparen(u.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" {
		return nil
	}
	if v := IdentVar(info, sel.X); v != nil && api.IsContext(v.Type()) {
		return v
	}
	return nil
}

// AssignsVar reports whether n assigns v (outside function literals, which
// run at a time the source order does not tell).
func AssignsVar(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
