package logmix

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// loggerFromContext reports whether the zerolog event of c comes from a
// logger the function took from a context: the event's chain holds a call
// given a context — zerolog.Ctx(ctx), log.Ctx(ctx).With()...Logger(), the
// program's GetLogger(r.Context(), name) — or starts at a local every
// assignment of which is such a chain (see noteZerologLocal). A zerolog
// logger hands the context bound to it (With().Ctx(ctx)) to every event;
// one the program keeps in, or builds from, the context may be bound to it
// by a middleware this package does not see, and the function has routed
// its context to its logger already.
func (u *usage) loggerFromContext(info *types.Info, c *logCall) bool {
	if c.Library != api.LibZerolog || c.Receiver == nil {
		return false
	}
	if chainTakesContext(info, c.Receiver) {
		return true // log.Ctx(ctx).Info(), GetLogger(r.Context(), name).Debug()
	}
	root := chainRoot(c.Receiver)
	if root == nil {
		return false
	}
	v, ok := info.Uses[root].(*types.Var)
	return ok && u.ctxLoggers[v]
}

// noteZerologLocal records one assignment of value to v (nil when v is
// not given a value of its own: var l zerolog.Logger, or l, err :=
// build()) when v is a local zerolog logger: it stays a context's logger
// while every assignment takes it from a context.
func (u *usage) noteZerologLocal(info *types.Info, v *types.Var, value ast.Expr) {
	if v.IsField() {
		return
	}
	t := v.Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if !api.IsNamed(t, api.ZerologPath, "Logger") {
		return
	}
	fromCtx := value != nil && chainTakesContext(info, value)
	if u.ctxLoggers == nil {
		u.ctxLoggers = map[*types.Var]bool{}
	}
	prev, seen := u.ctxLoggers[v]
	u.ctxLoggers[v] = fromCtx && (!seen || prev)
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
// context argument (log.Ctx(ctx), GetLogger(r.Context(), "auth")) other
// than context.Background() or TODO(), which holds no logger and no trace.
func chainTakesContext(info *types.Info, e ast.Expr) bool {
	for depth := 0; depth < 32; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			for _, a := range x.Args {
				if api.IsContext(api.TypeOf(info, a)) && !isFreshRootCall(info, a) {
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

// isFreshRootCall reports whether e is context.Background() or
// context.TODO().
func isFreshRootCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	_, fresh := api.IsFreshContext(info, call)
	return fresh
}
