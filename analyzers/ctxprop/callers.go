package ctxprop

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// What a function's callers give it. A context parameter of an unexported
// function is an empty root when every caller in the package passes one —
// context.Background(), a local holding nothing but a fresh root, or a
// context parameter of its own caller that is such a root in turn:
//
//	go func() { _ = w.execute(context.Background(), job) }()
//	...
//	func (w *worker) execute(ctx context.Context, j *Job) error {
//		w.alerter.Send(context.Background(), ...) // no trace in ctx to lose
//
// Nothing is known when the function can be called from elsewhere: it is
// exported, used as a value (a method value, a callback, an interface's
// method), called from a file or function the walk skips, or its parameter
// is assigned a new context in its body.

// callerArg is what one call passes for a context parameter: an empty
// root, or the context parameter of the calling function.
type callerArg struct {
	pure  bool
	param *types.Var
}

// noteCallerArgs records what call passes for each context parameter of a
// function of this package, and that call's function is used in call
// position.
func (c *collector) noteCallerArgs(call *ast.CallExpr, fn *types.Func) {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		c.calledAt[f] = true
	case *ast.SelectorExpr:
		c.calledAt[f.Sel] = true
	case *ast.IndexExpr: // an instantiation: f[T](ctx)
		if id, ok := ast.Unparen(f.X).(*ast.Ident); ok {
			c.calledAt[id] = true
		}
	}
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return
	}
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		p := sig.Params().At(i)
		if !api.IsContext(p.Type()) || sig.Variadic() && i == sig.Params().Len()-1 {
			continue
		}
		arg := callerArg{pure: c.pureRoot(call.Args[i])}
		if !arg.pure {
			if v := lint.IdentVar(c.pass.TypesInfo, call.Args[i]); v != nil && c.params[v] != nil {
				arg.param = v
			}
		}
		c.callerArgs[p] = append(c.callerArgs[p], arg)
		c.params[p] = fn
	}
}

// noteParams records the context parameters of a declared function, so
// that an argument naming one can be traced back to its own callers.
func (c *collector) noteParams(fd *ast.FuncDecl) {
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		if p := sig.Params().At(i); api.IsContext(p.Type()) {
			c.params[p] = fn
		}
	}
}

// noteReassigned records context variables given a new value after their
// declaration (ctx, span := tracer.Start(ctx, ...)).
func (c *collector) noteReassigned(as *ast.AssignStmt) {
	for _, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
			c.reassigned[v] = true
		}
	}
}

// emptyFromCallers reports whether v is a context parameter every caller
// fills with an empty root, directly or through its own such parameter,
// or a local declared from one and never reassigned (initCtx, cancel :=
// context.WithTimeout(ctx, d)): a deadline on an empty root is empty too.
func (c *collector) emptyFromCallers(v *types.Var) bool {
	if c.emptyParam == nil {
		c.emptyParam = c.solveEmptyParams()
	}
	for range 8 { // a chain of derivations, bounded
		if v == nil {
			return false
		}
		if c.emptyParam[v] {
			return true
		}
		if c.reassigned[v] {
			return false
		}
		v = c.derivedFrom[v]
	}
	return false
}

// solveEmptyParams assumes every recorded parameter empty and drops those
// with a caller passing anything else, until nothing changes: parameters
// passed around a cycle of calls stay empty only if something outside the
// cycle fills them with empty roots alone.
func (c *collector) solveEmptyParams() map[*types.Var]bool {
	usedAsValue := c.funcsUsedAsValues()
	interfaceMethods := api.InterfaceMethodNames(c.pass.Pkg)
	empty := map[*types.Var]bool{}
	for p, args := range c.callerArgs {
		fn := c.params[p]
		if fn == nil || fn.Exported() || usedAsValue[fn] || c.reassigned[p] || len(args) == 0 {
			continue
		}
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil && interfaceMethods[fn.Name()] {
			continue
		}
		empty[p] = true
	}
	for changed := true; changed; {
		changed = false
		for p := range empty {
			for _, a := range c.callerArgs[p] {
				if !a.pure && (a.param == nil || !empty[a.param]) {
					delete(empty, p)
					changed = true
					break
				}
			}
		}
	}
	return empty
}

// funcsUsedAsValues returns the functions of this package named anywhere
// but in the function position of a call the walk saw: a method value, a
// callback, a call in a skipped file or function.
func (c *collector) funcsUsedAsValues() map[*types.Func]bool {
	out := map[*types.Func]bool{}
	for id, obj := range c.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg || c.calledAt[id] {
			continue
		}
		out[fn.Origin()] = true
	}
	return out
}
