package ctxprop

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// isFreshWrapper reports whether fn is a function of this package that
// takes nothing, returns a context.Context, and whose every return statement
// returns context.Background() or context.TODO():
//
//	func detached() context.Context { return context.Background() }
func (c *collector) isFreshWrapper(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 || !api.IsContext(sig.Results().At(0).Type()) {
		return false
	}
	decl := c.declOf(fn)
	if decl == nil {
		return false
	}
	returns, fresh := 0, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			call, ok := ast.Unparen(firstOrNil(n.Results)).(*ast.CallExpr)
			if !ok {
				fresh = false
			} else if _, ok := api.IsFreshContext(c.pass.TypesInfo, call); !ok {
				fresh = false
			}
		}
		return fresh
	})
	return fresh && returns > 0
}

func firstOrNil(es []ast.Expr) ast.Expr {
	if len(es) == 0 {
		return nil
	}
	return es[0]
}

// freshContext examines a context.Background() or context.TODO() call, or a
// call of a same-package wrapper of one; fresh names it for messages.
func (c *collector) freshContext(call *ast.CallExpr, fresh string, stack []ast.Node) {
	info := c.pass.TypesInfo
	parent, inParent := parentCall(stack)
	if inParent {
		switch {
		case isLogCall(info, parent, ""),
			api.IsPropagatorExtract(info, parent) && lint.ArgIndex(parent, call) == 0,
			linksTrace(info, parent) && lint.ArgIndex(parent, call) == 0,
			isShutdownCall(info, parent),
			c.exitsProcess(api.Callee(info, parent)) && lint.ArgIndex(parent, call) == 0,
			lint.ArgIndex(parent, call) == 0 && takesNoopSpan(info, parent, stack),
			startsComponent(info, parent) && lint.ArgIndex(parent, call) == 0,
			api.RetainsContext(info, parent),
			buildsConnection(info, parent) && lint.ArgIndex(parent, call) == 0:
			return
		}
	}
	if inDefer(stack) || inCleanup(info, stack) || inTeardownLiteral(stack) || c.inKeptCallback(stack) || insideNilContextCheck(info, stack) || storedForLater(info, stack) {
		return
	}
	src, ok := c.contextAt(stack, call.Pos())
	if !ok || c.inCallbackWithOwnContext(stack, src, ok) || inOnceInit(info, stack, src.Var) || c.mayBeNil(stack, src.Var) {
		return
	}
	if c.pure[src.Var] {
		return // the only context at hand is another empty root: no trace to lose
	}
	if lint.InConsumerLoop(info, stack, src.Var) {
		return // each received item starts a trace of its own
	}
	tickFn, inTick := inTickCase(info, stack, src.Var)
	if inTick && tickFn == nil {
		return // each tick of a goroutine's loop starts a periodic job's own work
	}
	if inParent && lint.ArgIndex(parent, call) == 0 && compensates(info, stack, parent, src.Var) {
		return // undoing what a failed call under ctx left behind
	}
	if inParent && copiesFrom(info, parent, call, src.Var) {
		return // tracing.CopyTraceContext(context.Background(), ctx)
	}
	if c.parentDone(stack, src.Var) || c.linksCallerTrace(lint.EnclosingFuncDecl(stack), src.Var) || c.detachmentComment(stack, call.Pos()) {
		return
	}
	flowsTo, reassign := freshContextFlow(info, stack)
	if reassign && flowsTo == src.Var {
		return // ctx = context.Background(): deliberately re-rooted
	}
	f := finding{flowsTo: flowsTo, diag: analysis.Diagnostic{Pos: call.Pos(), End: call.End()}}
	f.cancel, f.decl, f.src = cancelOf(info, stack), lint.EnclosingFuncDecl(stack), src.Var
	f.keeper = c.keeperOf(stack, src.Var)
	if inTick {
		f.tick = tickFn
	}
	replacement := src.Expr
	goArg := isGoArg(info, stack)
	loop := !goArg && loopAround(stack, src.Var) != nil
	switch {
	case loop:
		f.check = checkLoop
		f.diag.Message = fmt.Sprintf("%s starts a new root context on every iteration of this loop; use %s or a context derived from it", fresh, src.Describe())
		if inParent && lint.ArgIndex(parent, call) == 0 && isContextDerivation(info, parent) && !src.Opaque {
			f.diag.Message = fmt.Sprintf("%s starts a new root context on every iteration of this loop; derive it from %s: %s%s(%s, ...)",
				fresh, src.Describe(), qualifier(call), api.Callee(info, parent).Name(), src.Expr)
		}
	case goArg || startsGoroutine(info, stack, src.Var):
		f.check = checkGoroutine
		ctx := src.Expr
		if src.Opaque {
			ctx = "that context"
		}
		f.diag.Message = fmt.Sprintf("goroutine starts from %s and loses the trace of %s; pass %s for work that must outlive it, or %s to stop with it",
			fresh, src.Describe(), withoutCancel(qualifier(call), ctx), ctx)
		replacement = withoutCancel(qualifier(call), src.Expr)
		if !c.goAtLeast("go1.21") {
			replacement = ""
		}
	default:
		f.check = checkBackground
		f.diag.Message = fmt.Sprintf("use %s instead of %s", src.Describe(), fresh)
		if inParent && lint.ArgIndex(parent, call) == 0 && detachesDeadline(info, parent) && !src.Opaque && c.goAtLeast("go1.21") {
			// A fresh deadline or cancellation may be deliberate (work
			// that must finish even if the caller gives up): say how
			// to keep the trace then.
			f.diag.Message += fmt.Sprintf(", or %s if the work must outlive it", withoutCancel(qualifier(call), src.Expr))
		}
	}
	if src.Opaque {
		replacement = ""
	}
	if replacement != "" {
		f.diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "use " + replacement,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(replacement)}},
		}}
	}
	c.findings = append(c.findings, f)
}

// isContextDerivation reports whether call is context.WithX(parent, ...).
func isContextDerivation(info *types.Info, call *ast.CallExpr) bool {
	fn := api.Callee(info, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" && strings.HasPrefix(fn.Name(), "With")
}

// detachesDeadline reports whether call derives a context with its own
// cancellation or deadline: context.WithTimeout, WithDeadline, WithCancel
// and their Cause variants.
func detachesDeadline(info *types.Info, call *ast.CallExpr) bool {
	if !isContextDerivation(info, call) {
		return false
	}
	switch strings.TrimSuffix(api.Callee(info, call).Name(), "Cause") {
	case "WithTimeout", "WithDeadline", "WithCancel":
		return true
	}
	return false
}

// isGoArg reports whether the top of stack is an argument of the call of a
// go statement — go worker(context.Background()) — directly or through
// calls that decorate it and return the context
// (go reload(logging.ToContext(context.Background(), log))).
func isGoArg(info *types.Info, stack []ast.Node) bool {
	e, i := climbCalls(stack, func(call *ast.CallExpr) bool { return returnsContext(info, call) })
	if i < 1 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	if !ok || lint.ArgIndex(call, e) < 0 {
		return false
	}
	g, ok := stack[i-1].(*ast.GoStmt)
	return ok && g.Call == call
}

// startsGoroutine reports whether the top of stack lies in a function
// literal that runs on its own goroutine — go func() { ... }() or
// time.AfterFunc(d, func() { ... }) — and that captures src from outside.
func startsGoroutine(info *types.Info, stack []ast.Node, src *types.Var) bool {
	for i := len(stack) - 1; i > 1; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok || lint.DeclaredIn(src, lit) {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok {
			continue
		}
		if g, ok := stack[i-2].(*ast.GoStmt); ok && g.Call == call && ast.Unparen(call.Fun) == lit {
			return true
		}
		if api.CalleeName(info, call) == "time.AfterFunc" && lint.ArgIndex(call, lit) == 1 {
			return true
		}
	}
	return false
}

// loopAround returns the innermost for or range statement of the innermost
// function whose body contains the top of stack and which src is declared
// outside of, or nil.
func loopAround(stack []ast.Node, src *types.Var) ast.Node {
	top := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		var body *ast.BlockStmt
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.ForStmt:
			body = n.Body
		case *ast.RangeStmt:
			body = n.Body
		default:
			continue
		}
		if body.Pos() <= top.Pos() && top.End() <= body.End() && !lint.DeclaredIn(src, stack[i]) {
			return stack[i]
		}
	}
	return nil
}

// takesNoopSpan reports whether call is trace.SpanFromContext given a
// fresh root — the no-op span, on purpose — whose result is only handed
// on (returned, stored, passed) or ended, never recorded on in the
// enclosing function: a span a caller may end safely when there is no
// new one to start. A no-op span given attributes, events or a status is
// the usual slip for SpanFromContext(ctx), and stays reported.
func takesNoopSpan(info *types.Info, call *ast.CallExpr, stack []ast.Node) bool {
	if api.CalleeName(info, call) != api.TracePath+".SpanFromContext" {
		return false
	}
	e, i := climbCalls(stack, func(c *ast.CallExpr) bool { return c == call })
	if e != call || i < 0 {
		return false
	}
	if _, ok := stack[i].(*ast.ReturnStmt); ok {
		return true // return ctx, trace.SpanFromContext(context.Background())
	}
	target, _ := assignedTarget(stack[i], e)
	v := lint.IdentVar(info, target)
	fd := lint.EnclosingFuncDecl(stack)
	if v == nil || fd == nil {
		return false // used in place: not held for a caller
	}
	recorded := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || recorded {
			return !recorded
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v {
			switch sel.Sel.Name {
			case "End", "SpanContext", "IsRecording":
			default:
				recorded = true
			}
		}
		return true
	})
	return !recorded
}
