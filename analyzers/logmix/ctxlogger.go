package logmix

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// loggerFromContext reports whether the zerolog event of c comes from a
// logger the function took from a context: the event chain starts at a
// local every assignment of which is a chain holding a call given a
// context — zerolog.Ctx(ctx), log.Ctx(ctx).With()...Logger(), the
// program's GetLogger(r.Context(), name). A zerolog logger hands the
// context bound to it (With().Ctx(ctx)) to every event; one the program
// keeps in, or builds from, the context may be bound to it by a middleware
// this package does not see, and the function has routed its context to
// its logger already.
func loggerFromContext(info *types.Info, c *logCall) bool {
	if c.Library != api.LibZerolog || c.Receiver == nil || len(c.funcs) == 0 {
		return false
	}
	root := chainRoot(c.Receiver)
	if root == nil {
		return false
	}
	v, ok := info.Uses[root].(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	assigned := 0
	fromCtx := true
	for _, fn := range c.funcs {
		ast.Inspect(fn, func(n ast.Node) bool {
			var lhs, rhs []ast.Expr
			switch s := n.(type) {
			case *ast.AssignStmt:
				lhs, rhs = s.Lhs, s.Rhs
			case *ast.ValueSpec:
				for _, id := range s.Names {
					lhs = append(lhs, id)
				}
				rhs = s.Values
			default:
				return true
			}
			for i, l := range lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				assigned++
				if len(rhs) != len(lhs) || !chainTakesContext(info, rhs[i]) {
					fromCtx = false
				}
			}
			return true
		})
		if assigned > 0 {
			break // the declaring function: no need to look further out
		}
	}
	return assigned > 0 && fromCtx
}

// chainRoot returns the identifier a call chain starts at (logger in
// logger.With().Str(...).Logger().Info()), or nil.
func chainRoot(e ast.Expr) *ast.Ident {
	for depth := 0; depth < 32; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.CallExpr:
			e = x.Fun
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
	return nil
}

// chainTakesContext reports whether a call of the chain e is given a
// context argument (log.Ctx(ctx), GetLogger(r.Context(), "auth")).
func chainTakesContext(info *types.Info, e ast.Expr) bool {
	for depth := 0; depth < 32; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			for _, a := range x.Args {
				if api.IsContext(api.TypeOf(info, a)) {
					return true
				}
			}
			e = x.Fun
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
	return false
}
