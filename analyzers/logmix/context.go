package logmix

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

func reportMissingContext(pass *analysis.Pass, r *lint.Reporter, u *usage, mixed map[*ast.CallExpr]bool) {
	if !r.Enabled(checkContext) {
		return
	}
	// A call in a non-test file runs in the program: only the hooks its
	// non-test files reach read its context, not a test's.
	type hookKey struct {
		lib  api.LogLibrary
		test bool
	}
	hooks := map[hookKey]bool{}
	var prod *api.ImportView
	for _, c := range u.calls {
		if c.funcs == nil || mixed[c.Call] || (c.file != nil && c.file.isBridge()) {
			continue
		}
		k := hookKey{c.Library, lint.IsTestFile(pass, c.Call.Pos())}
		seen, ok := hooks[k]
		if !ok {
			view := api.ImportView{}
			if !k.test {
				if prod == nil {
					v := api.ProductionView(pass.Fset, pass.Pkg, pass.Files)
					prod = &v
				}
				view = *prod
			}
			seen = api.HookInReach(pass.Pkg, c.Library, view)
			hooks[k] = seen
		}
		if !seen {
			continue // no hook in the program's reach would read the context
		}
		src, ok := reachableContext(pass, u, c)
		if !ok || u.loggerFromContext(pass.TypesInfo, c) {
			continue
		}
		if d, ok := missingContextDiag(pass.TypesInfo, c, src); ok {
			r.Report(checkContext, d)
		}
	}
}

// reachableContext returns the context in scope at the call that could be
// passed to the logger: a context parameter or local (not one that only
// ever holds context.Background() or a cancellable, timed or signal-aware
// derivation of it), or an *http.Request's context.
func reachableContext(pass *analysis.Pass, u *usage, c *logCall) (api.ContextSource, bool) {
	src, ok := api.ContextAt(pass.Pkg, pass.TypesInfo, c.funcs, c.Call.Pos())
	if !ok || src.Kind == api.CtxCarrier {
		return api.ContextSource{}, false
	}
	if u.life.serving[c.fn] {
		return api.ContextSource{}, false // a server's start or exit
	}
	if src.Kind != api.CtxLocal && src.Kind != api.CtxParam {
		return src, true
	}
	v := src.Var
	switch {
	case u.carriesNoSpan(v), u.detachedWork(c, v), u.consumerLifetime(pass.TypesInfo, c, v), u.awaitsEnd(v):
		return api.ContextSource{}, false // a lifetime or a root, not a request's context
	case src.Kind == api.CtxParam && inResourceDetect(pass.TypesInfo, c, v):
		return api.ContextSource{}, false // the SDK's set-up, before any span
	case src.Kind == api.CtxParam && u.ofLifecycleHook(pass.TypesInfo, c, v):
		return api.ContextSource{}, false // the application's start or stop
	case flagSpans && !u.mayCarrySpanAt(v, c.Call.Pos(), innermostFunc(c.funcs)):
		return api.ContextSource{}, false // -logmix.spans-only: no span in sight
	}
	return src, true
}

// missingContextDiag builds the finding for a context-less log call and the
// fix that passes the context.
func missingContextDiag(info *types.Info, c *logCall, src api.ContextSource) (analysis.Diagnostic, bool) {
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	ctx := src.Expr
	name := callName(info, c)
	recv := receiverText(sel)
	if recv == "" {
		// A chain such as logger.WithField("k", v).Warn(...): the
		// context goes right before the level method.
		recv = "."
	}
	var msg string
	var edits []analysis.TextEdit
	insertBeforeSel := func(text string) {
		edits = []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.Pos(), NewText: []byte(text)}}
	}
	switch c.Library {
	case api.LibSlog:
		if len(c.Call.Args) == 0 {
			return analysis.Diagnostic{}, false
		}
		msg = fmt.Sprintf("%s drops the context although %s is in scope: use %s(%s, ...) so the handler can attach trace_id and span_id",
			name, describeContext(src), c.ContextForm, ctx)
		edits = []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(c.ContextForm)},
			{Pos: c.Call.Args[0].Pos(), End: c.Call.Args[0].Pos(), NewText: []byte(ctx + ", ")},
		}
	case api.LibOtelzap:
		msg = fmt.Sprintf("%s logs without the span context although %s is in scope: use %s so otelzap records trace_id and span_id",
			name, describeContext(src), recv+strings.Replace(c.ContextForm, "ctx", ctx, 1))
		insertBeforeSel("Ctx(" + ctx + ").")
	case api.LibLogrus:
		msg = fmt.Sprintf("%s logs without the context although %s is in scope: use %s so hooks can attach the trace",
			name, describeContext(src), recv+strings.Replace(c.ContextForm, "ctx", ctx, 1))
		insertBeforeSel("WithContext(" + ctx + ").")
	case api.LibZerolog:
		msg = fmt.Sprintf("zerolog event logged without the context although %s is in scope: add .Ctx(%s) to the event before %s so hooks can attach the trace",
			describeContext(src), ctx, c.Method)
		insertBeforeSel("Ctx(" + ctx + ").")
	default:
		return analysis.Diagnostic{}, false
	}
	return analysis.Diagnostic{
		Pos: c.Call.Pos(), End: c.Call.End(), Message: msg,
		SuggestedFixes: []analysis.SuggestedFix{{Message: "pass " + ctx + " to the logger", TextEdits: edits}},
	}, true
}

// describeContext names the reachable context for messages: "ctx
// (parameter of Charge)", "ctx" for a local, "r.Context()" for a request.
func describeContext(src api.ContextSource) string {
	if src.Kind == api.CtxParam && src.Func != "" {
		return src.Expr + " (parameter of " + src.Func + ")"
	}
	return src.Expr
}

// receiverText returns "x." for a short receiver x, else "".
func receiverText(sel *ast.SelectorExpr) string {
	if isSimplePath(sel.X) {
		return types.ExprString(sel.X) + "."
	}
	return ""
}

// inResourceDetect reports whether v is the context parameter of a resource
// detector's Detect method enclosing the call.
func inResourceDetect(info *types.Info, c *logCall, v *types.Var) bool {
	fd, fn := c.declaration(info)
	return fn != nil && lint.DeclaredIn(v, fd.Type) && api.IsResourceDetect(fn)
}

// ofLifecycleHook reports whether v is the context parameter of a function
// literal enclosing the call that an application framework runs as the
// application starts or stops (api.IsLifecycleHook): the log call is in
// the hook or in a goroutine it starts, and the hook starts no span on it.
func (u *usage) ofLifecycleHook(info *types.Info, c *logCall, v *types.Var) bool {
	for i := len(c.stack) - 1; i >= 2; i-- {
		lit, ok := c.stack[i].(*ast.FuncLit)
		if ok && lint.DeclaredIn(v, lit.Type) {
			return !u.mayCarrySpan(v, map[*types.Var]bool{}) && api.IsLifecycleHook(info, lit, c.stack[i-1], c.stack[i-2])
		}
	}
	return false
}
