package logmix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// hotConstruction reports a logger constructor called on every request or
// every loop iteration.
func hotConstruction(pass *analysis.Pass, call *ast.CallExpr, lib api.LogLibrary, stack []ast.Node) (analysis.Diagnostic, bool) {
	info := pass.TypesInfo
	name := api.CalleeName(info, call)
	if name == api.ZapPath+".NewNop" || !buildsSharedLogger(info, call, lib) {
		return analysis.Diagnostic{}, false
	}
	where, ok := hotPlace(info, call, stack)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	short := api.Callee(info, call).Name()
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isSimplePath(sel.X) {
		short = types.ExprString(sel)
	}
	msg := fmt.Sprintf("%s builds a new %s logger %s: build it once at startup and reuse it%s", short, lib, where, withAdvice(lib))
	return analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg}, true
}

func withAdvice(lib api.LogLibrary) string {
	switch lib {
	case api.LibZap:
		return ", adding per-call fields with logger.With(...)"
	case api.LibSlog:
		return ", adding per-call attributes with logger.With(...)"
	case api.LibLogrus:
		return ", adding per-call fields with logger.WithFields(...)"
	case api.LibZerolog:
		return ", adding per-call fields with logger.With().Str(...).Logger()"
	case api.LibOtelzap:
		return ", logging per request with logger.Ctx(ctx)"
	}
	return ""
}

// buildsSharedLogger reports whether the constructor builds a logger that
// writes where the service's logger writes: log.New and zerolog.New with a
// request-local writer (a buffer, a connection, the ResponseWriter) and
// slog.New over an existing handler are cheap, legitimate, or both.
func buildsSharedLogger(info *types.Info, call *ast.CallExpr, lib api.LogLibrary) bool {
	switch lib {
	case api.LibLog, api.LibZerolog:
		return len(call.Args) == 0 || isSharedSink(info, call.Args[0])
	case api.LibSlog:
		if len(call.Args) != 1 {
			return false
		}
		h, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
		if !ok {
			return false // slog.New(h) over a handler built elsewhere: as cheap as With
		}
		switch api.CalleeName(info, h) {
		case api.SlogPath + ".NewJSONHandler", api.SlogPath + ".NewTextHandler":
			return len(h.Args) > 0 && isSharedSink(info, h.Args[0])
		}
		return true
	}
	return true
}

// isSharedSink reports whether a writer is process-wide: os.Stdout,
// os.Stderr, io.Discard or another package-level variable, a struct field,
// or a composite literal wrapping one (zerolog.ConsoleWriter{Out: os.Stderr}).
func isSharedSink(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if isSharedSink(info, elt) {
				return true
			}
		}
		return false
	case *ast.UnaryExpr:
		return x.Op == token.AND && isSharedSink(info, x.X)
	}
	v, ok := api.ObjectOf(info, e).(*types.Var)
	if !ok {
		return false
	}
	return v.IsField() || (v.Pkg() != nil && v.Parent() == v.Pkg().Scope())
}

// hotPlace says where a call runs repeatedly: in an HTTP handler (a
// function or literal with an http.ResponseWriter or *http.Request
// parameter) or in a loop body of a function other than main and init.
// Function literals called on the spot (also with go and defer) belong to
// their enclosing function; other literals (callbacks such as
// sync.Once.Do's) end the search. A logger stored per element (into a
// map, slice, field or composite literal) in a loop builds a set of
// loggers, not one per iteration of work, and is not reported.
func hotPlace(info *types.Info, call *ast.CallExpr, stack []ast.Node) (string, bool) {
	inLoop := false
	var child ast.Node = call
	for i := len(stack) - 1; i >= 0; i-- {
		n := stack[i]
		switch n := n.(type) {
		case *ast.ForStmt:
			if child == n.Body {
				inLoop = true
			}
		case *ast.RangeStmt:
			if child == n.Body {
				inLoop = true
			}
		case *ast.FuncLit:
			sig, _ := api.TypeOf(info, n).(*types.Signature)
			if api.IsHTTPHandlerSig(sig) {
				return "on every request in this HTTP handler", true
			}
			if !calledOnTheSpot(n, stack[:i]) {
				return loopPlace(info, call, stack, inLoop)
			}
		case *ast.FuncDecl:
			if obj, ok := info.Defs[n.Name].(*types.Func); ok {
				if sig, ok := obj.Type().(*types.Signature); ok && api.IsHTTPHandlerSig(sig) {
					return "on every request in HTTP handler " + n.Name.Name, true
				}
			}
			if n.Recv == nil && (n.Name.Name == "main" || n.Name.Name == "init") {
				return "", false
			}
			return loopPlace(info, call, stack, inLoop)
		}
		child = n
	}
	return "", false
}

func loopPlace(info *types.Info, call *ast.CallExpr, stack []ast.Node, inLoop bool) (string, bool) {
	if !inLoop || storedPerElement(call, stack) {
		return "", false
	}
	return "on every iteration of this loop", true
}

// calledOnTheSpot reports whether the function literal whose ancestors are
// stack is called where it is written: func(){...}(), go func(){...}(),
// defer func(){...}().
func calledOnTheSpot(lit *ast.FuncLit, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	return ok && ast.Unparen(call.Fun) == lit
}

// storedPerElement reports whether the logger built by call (possibly
// wrapped: zap.Must(...), .Named(...)) is stored into a map or slice
// element, a field, a composite literal, or appended.
func storedPerElement(call *ast.CallExpr, stack []ast.Node) bool {
	var child ast.Node = call
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.CallExpr:
			if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok && id.Name == "append" {
				return true
			}
		case *ast.SelectorExpr, *ast.ParenExpr, *ast.StarExpr, *ast.UnaryExpr:
		case *ast.CompositeLit, *ast.KeyValueExpr:
			return true
		case *ast.AssignStmt:
			for j, r := range p.Rhs {
				if r == child && j < len(p.Lhs) {
					switch ast.Unparen(p.Lhs[j]).(type) {
					case *ast.IndexExpr, *ast.SelectorExpr:
						return true
					}
				}
			}
			return false
		default:
			return false
		}
		child = stack[i]
	}
	return false
}
