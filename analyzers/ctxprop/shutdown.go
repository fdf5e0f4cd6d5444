package ctxprop

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// This file decides which calls end or start the life of a component. The
// context given to them rightly starts fresh: at the end of a life the
// root context is usually cancelled already, and a component started with
// a caller's context would stop when that caller returns.

// isShutdownCall reports whether call ends the life of a component: a
// function, method or function value taking a context.Context first and
// named Shutdown (or containing it), Stop, Close, Cleanup, Flush,
// ForceFlush or Drain — tp.Shutdown(ctx), srv.Shutdown(ctx), cleanup(ctx) —
// or named for such a verb (Stop, Close, Terminate, Teardown, Deregister,
// Unregister: StopAndAwaitTerminated) and given a component: the receiver or
// another argument has a lifecycle method of its own (Stop, Close,
// Shutdown, ...), as services.StopAndAwaitTerminated(ctx, svc) has.
func isShutdownCall(info *types.Info, call *ast.CallExpr) bool {
	id := api.CalleeIdent(call.Fun)
	if id == nil || !takesContextFirst(info, call) {
		return false
	}
	if isShutdownName(id.Name) {
		return true
	}
	words := api.Words(id.Name)
	return len(words) > 0 && teardownVerb(strings.ToLower(words[0])) && givenComponent(info, call, id.Name)
}

// exitsProcess reports whether fn, a function of this package taking a
// context first, ends the process: its body calls os.Exit, possibly from
// a goroutine it starts once it has answered its caller (caddy's
// exitProcess(ctx, logger), run by a /stop handler). The context it is
// given serves the process's teardown — stopping apps, running exit
// callbacks — which must not end with the request that asked for it.
func (c *collector) exitsProcess(fn *types.Func) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	fn = fn.Origin()
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Params().Len() == 0 || !api.IsContext(sig.Params().At(0).Type()) {
		return false
	}
	if exits, ok := c.exits[fn]; ok {
		return exits
	}
	exits := false
	if decl := c.declOf(fn); decl != nil {
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && api.CalleeName(c.pass.TypesInfo, call) == "os.Exit" {
				exits = true
			}
			return !exits
		})
	}
	if c.exits == nil {
		c.exits = map[*types.Func]bool{}
	}
	c.exits[fn] = exits
	return exits
}

// takesContextFirst reports whether the function called takes a
// context.Context as its first parameter.
func takesContextFirst(info *types.Info, call *ast.CallExpr) bool {
	t := api.TypeOf(info, call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() > 0 && api.IsContext(sig.Params().At(0).Type())
}

func isShutdownName(name string) bool {
	for _, n := range []string{"stop", "close", "cleanup", "flush", "forceflush", "drain", "destroy"} {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(name), "shutdown")
}

// teardownVerb reports whether a name's first word says it ends a life.
func teardownVerb(w string) bool {
	switch w {
	case "stop", "close", "shutdown", "terminate", "teardown", "destroy", "deregister", "unregister":
		return true
	}
	return false
}

// givenComponent reports whether the receiver of call, or one of its
// arguments, is a component with a lifecycle: its method set has a method
// other than the one called (named called) named for a teardown verb
// (Stop, StopAsync, Close, Shutdown, ...).
func givenComponent(info *types.Info, call *ast.CallExpr, called string) bool {
	if recv := api.Receiver(info, call); recv != nil && hasLifecycle(api.TypeOf(info, recv), called) {
		return true
	}
	for _, a := range call.Args {
		if t := api.TypeOf(info, a); t != nil && !api.IsContextLike(t) && hasLifecycle(t, "") {
			return true
		}
	}
	return false
}

// hasLifecycle reports whether t (or *t) has a method other than except
// whose first word is a teardown verb.
func hasLifecycle(t types.Type, except string) bool {
	if t == nil {
		return false
	}
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		name := ms.At(i).Obj().Name()
		if name == except {
			continue
		}
		if words := api.Words(name); len(words) > 0 && teardownVerb(strings.ToLower(words[0])) {
			return true
		}
	}
	return false
}

// startsComponent reports whether call starts a component that lives on
// after it returns, and so takes its lifetime context: a call taking a
// context.Context first, named Start or StartX (StartAsync,
// StartAndAwaitRunning), given a component with a lifecycle (the receiver
// or another argument can be stopped or closed): lifecycler.StartAsync(ctx),
// services.StartAndAwaitRunning(ctx, svc), checker.Start(ctx) where the
// checker has a Stop. A caller's context there would stop the component
// when the caller returns.
func startsComponent(info *types.Info, call *ast.CallExpr) bool {
	id := api.CalleeIdent(call.Fun)
	if id == nil || !takesContextFirst(info, call) {
		return false
	}
	words := api.Words(id.Name)
	return len(words) > 0 && strings.EqualFold(words[0], "start") && givenComponent(info, call, id.Name)
}

// noteShutdownArgs records the context variables passed to a shutdown call
// or to a component's start.
func (c *collector) noteShutdownArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	info := c.pass.TypesInfo
	if !isShutdownCall(info, call) && !startsComponent(info, call) {
		return
	}
	if v := lint.IdentVar(info, call.Args[0]); v != nil {
		c.shutdown[v] = true
	}
}

// inCleanup reports whether the top of stack lies in a function literal
// registered as a test's clean-up, (testing.TB).Cleanup: like a deferred
// call it runs when the test's context is already cancelled.
func inCleanup(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok || lint.ArgIndex(call, lit) != 0 {
			continue
		}
		if fn := api.Callee(info, call); fn != nil && fn.Name() == "Cleanup" && fn.Pkg() != nil && fn.Pkg().Path() == "testing" {
			return true
		}
	}
	return false
}
