package ctxprop

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// isShutdownCall reports whether call ends the life of a component: a
// function, method or function value named Shutdown (or containing it),
// Stop, Close, Cleanup, Flush, ForceFlush or Drain whose first parameter is
// a context.Context — tp.Shutdown(ctx), srv.Shutdown(ctx), cleanup(ctx). Its
// context deliberately starts fresh: the root context is usually cancelled
// by then.
func isShutdownCall(info *types.Info, call *ast.CallExpr) bool {
	id := api.CalleeIdent(call.Fun)
	if id == nil {
		return false
	}
	if !isShutdownName(id.Name) {
		return false
	}
	t := api.TypeOf(info, call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() > 0 && api.IsContext(sig.Params().At(0).Type())
}

func isShutdownName(name string) bool {
	for _, n := range []string{"stop", "close", "cleanup", "flush", "forceflush", "drain"} {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	const s = "shutdown"
	for i := 0; i+len(s) <= len(name); i++ {
		if strings.EqualFold(name[i:i+len(s)], s) {
			return true
		}
	}
	return false
}

// noteShutdownArgs records the context variables passed to a shutdown call.
func (c *collector) noteShutdownArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 || !isShutdownCall(c.pass.TypesInfo, call) {
		return
	}
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
			c.shutdown[v] = true
		}
	}
}
