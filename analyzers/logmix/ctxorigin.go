package logmix

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// ctxOrigin is one value assigned to a local context: context.Background()
// or context.TODO() (empty), a span-less derivation of another local
// (parent), or anything else (neither: it may carry a span).
type ctxOrigin struct {
	empty  bool
	parent *types.Var
	// span is set when the value is a span's context (ctx, span :=
	// tracer.Start(ctx, ...), trace.ContextWithSpan, a propagator's
	// Extract); from is the context another derivation was made from
	// (ctx = withComment(ctx, ...)). Both serve mayCarrySpan.
	span bool
	from *types.Var
	// inLit is the function literal a call passing a context argument is
	// in (see addArgumentOrigins): a literal on a goroutine left running
	// that hands on a captured context passes a lifetime.
	inLit *ast.FuncLit
	// at is where the value is assigned, and loop the innermost loop of
	// its function around that assignment (nil if none): a span put into
	// the variable after a log call, outside any loop they share, is not
	// in the context at that call (see reachesUse).
	at   token.Pos
	loop ast.Node
}

// addContextOrigin records what the assignment of e gives the local
// context v (e is nil when v is not the derivation's result: _, ctx = f()).
// Re-deriving a context from itself keeps what it carries:
//
//	ctx := context.Background()
//	ctx, cancel := signal.NotifyContext(ctx, os.Interrupt)
func (u *usage) addContextOrigin(info *types.Info, v *types.Var, e ast.Expr, at token.Pos, stack []ast.Node) {
	if !api.IsContext(v.Type()) {
		return
	}
	o := originOf(info, e)
	o.at, o.loop = at, innermostLoop(stack)
	u.ctxOrigins[v] = append(u.ctxOrigins[v], o)
}

// innermostLoop returns the innermost for or range statement of stack
// inside its innermost function, or nil.
func innermostLoop(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

// reachesUse reports whether the value o records may be in its variable
// at use, inside the function fn innermost around use: it was assigned
// before use, or in a loop around both (a later iteration sees it), or
// fn is a function literal that does not hold the assignment (a closure
// runs later: a deferred one sees the last value).
func (o ctxOrigin) reachesUse(use token.Pos, fn ast.Node) bool {
	switch {
	case !o.at.IsValid() || o.at < use:
		return true
	case o.loop != nil && o.loop.Pos() <= use && use < o.loop.End():
		return true
	case fn == nil || !(fn.Pos() <= o.at && o.at < fn.End()):
		return true
	}
	return false
}

// originOf decides one value assigned to a context: whether it is
// span-less (spanlessOrigin) and whether it holds a span (spanEvidence).
func originOf(info *types.Info, e ast.Expr) ctxOrigin {
	o := spanlessOrigin(info, e)
	o.span, o.from = spanEvidence(info, e)
	return o
}

// spanEvidence tells whether e puts a span into the context it yields: a
// call with a trace.Span among its results (a tracer's Start or a wrapper
// of it), a function of the trace API (trace.ContextWithSpan and the like)
// or a propagator's Extract. Otherwise, for a call whose first argument is
// a context variable, it returns that variable: the value derives from it.
func spanEvidence(info *types.Info, e ast.Expr) (span bool, from *types.Var) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false, nil
	}
	if sig, ok := api.TypeOf(info, call.Fun).(*types.Signature); ok {
		for i := 0; i < sig.Results().Len(); i++ {
			if api.IsSpan(sig.Results().At(i).Type()) {
				return true, nil
			}
		}
	}
	if fn := api.Callee(info, call); fn != nil && (fn.Name() == "Extract" ||
		fn.Pkg() != nil && fn.Pkg().Path() == api.TracePath) {
		return true, nil
	}
	if len(call.Args) > 0 {
		if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
			if pv, ok := info.Uses[id].(*types.Var); ok && api.IsContext(pv.Type()) {
				return false, pv
			}
		}
	}
	return false, nil
}

// spanlessOrigin decides one value assigned to a context: the zero
// ctxOrigin unless it is context.Background() or context.TODO(), a copy of
// a local, or a context derived from either by a function that adds a
// deadline, a cancellation or a signal but never a span.
func spanlessOrigin(info *types.Info, e ast.Expr) ctxOrigin {
	for depth := 0; depth < 8; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident: // a copy of another local
			if pv, ok := info.Uses[x].(*types.Var); ok {
				return ctxOrigin{parent: pv}
			}
			return ctxOrigin{}
		case *ast.SelectorExpr: // a component's context field (p.ctx)
			if fv, ok := info.Uses[x.Sel].(*types.Var); ok && fv.IsField() {
				return ctxOrigin{parent: fv}
			}
			return ctxOrigin{}
		case *ast.CallExpr:
			name := api.CalleeName(info, x)
			if name == "context.Background" || name == "context.TODO" {
				return ctxOrigin{empty: true}
			}
			if !spanlessDerivations[name] || len(x.Args) == 0 {
				return ctxOrigin{}
			}
			e = x.Args[0]
		default:
			return ctxOrigin{}
		}
	}
	return ctxOrigin{}
}

// spanlessDerivations derive a context from their first argument without
// adding a span to it.
var spanlessDerivations = map[string]bool{
	"context.WithCancel":        true,
	"context.WithCancelCause":   true,
	"context.WithTimeout":       true,
	"context.WithTimeoutCause":  true,
	"context.WithDeadline":      true,
	"context.WithDeadlineCause": true,
	"context.WithoutCancel":     true,
	"os/signal.NotifyContext":   true,
}

// addFieldOrigin records what an assignment gives a context field of a
// struct of this package: s.ctx = ctx, or &S{ctx: ctx}. Only an unexported
// field is followed: every assignment to it is in this package. A field
// with no recorded origin may hold anything.
func (u *usage) addFieldOrigin(info *types.Info, field ast.Expr, e ast.Expr) {
	var id *ast.Ident
	switch f := ast.Unparen(field).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return
	}
	fv, ok := info.ObjectOf(id).(*types.Var)
	if !ok || !fv.IsField() || fv.Exported() || fv.Pkg() != u.pkg || !api.IsContext(fv.Type()) {
		return
	}
	u.ctxOrigins[fv] = append(u.ctxOrigins[fv], originOf(info, e))
}

// carriesNoSpan reports whether the local context v only ever holds
// context.Background(), context.TODO() or span-less derivations of locals
// that carry no span themselves (v itself included: a context re-derived
// from itself keeps what it had), or the context parameter a function
// blocks on until it ends (awaitsEnd), which the package hands down to its
// helpers. A parameter, or a local assigned anything else even once, may
// carry a span.
func (u *usage) carriesNoSpan(v *types.Var) bool {
	return u.spanless(v, map[*types.Var]bool{})
}

func (u *usage) spanless(v *types.Var, visiting map[*types.Var]bool) bool {
	if visiting[v] {
		return true // decided by its other origins
	}
	if u.awaitsEnd(v) {
		return true // a lifetime its function blocks on, handed down
	}
	origins := u.ctxOrigins[v]
	if len(origins) == 0 || len(visiting) > 16 {
		return false
	}
	visiting[v] = true
	for _, o := range origins {
		if o.empty || o.parent != nil && u.detachedLit(o.inLit, o.parent) {
			continue
		}
		if o.parent == nil || !u.spanless(o.parent, visiting) {
			return false
		}
	}
	return true
}

// addArgumentOrigins records, for a call of a function whose every caller
// is in the package, what each context argument gives the parameter it is
// passed for: a function called only with context.Background() (a
// command's helper, a start-up step) is given no span, nor is one called
// from a goroutine left running with the context it captured (detachedLit).
func (u *usage) addArgumentOrigins(info *types.Info, pkg *types.Package, call *ast.CallExpr, stack []ast.Node) {
	fn := api.Callee(info, call)
	if fn == nil || fn.Pkg() != pkg || call.Ellipsis.IsValid() {
		return
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !callersAllInPackage(pkg, fn, sig) {
		return
	}
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		p := sig.Params().At(i)
		if !api.IsContext(p.Type()) {
			continue
		}
		o := originOf(info, call.Args[i])
		o.inLit, _ = innermostFunc(stack).(*ast.FuncLit)
		u.ctxOrigins[p] = append(u.ctxOrigins[p], o)
		if u.argCalls == nil {
			u.argCalls = map[*types.Func]int{}
		}
		u.argCalls[fn]++
	}
}

// callersAllInPackage reports whether only pkg can call fn directly: an
// unexported function or method, or a plain function of a main package,
// which nothing imports. An exported method of a main package may still be
// called by another package through one of its interfaces.
func callersAllInPackage(pkg *types.Package, fn *types.Func, sig *types.Signature) bool {
	return !fn.Exported() || pkg.Name() == "main" && sig.Recv() == nil
}

// dropUnknownCallers forgets the argument origins of the functions whose
// every call this package cannot see: one also used as a value (a
// callback, a method value) or a method that an interface of the package
// may dispatch to.
func (u *usage) dropUnknownCallers(pass *analysis.Pass) {
	if len(u.argCalls) == 0 {
		return
	}
	uses := u.useCounts(pass)
	ifaceMethods := api.InterfaceMethodNames(pass.Pkg)
	for fn, calls := range u.argCalls {
		sig := fn.Type().(*types.Signature)
		if uses[fn] <= calls && (sig.Recv() == nil || !ifaceMethods[fn.Name()]) {
			continue
		}
		for i := 0; i < sig.Params().Len(); i++ {
			delete(u.ctxOrigins, sig.Params().At(i))
		}
	}
}

// useCounts counts, once per package and after the walk, the uses of the
// objects whose every use the models must see: the functions given context
// arguments (dropUnknownCallers), the same-package callees recorded for
// the logger builders (builders.go) and the locals holding a function
// literal (lifetimes). A function counts as its generic origin. Uses in the
// tests the walk skips (see collect) do not count: tests are not the
// program's callers.
func (u *usage) useCounts(pass *analysis.Pass) map[types.Object]int {
	if u.uses != nil {
		return u.uses
	}
	u.uses = map[types.Object]int{}
	for id, obj := range pass.TypesInfo.Uses {
		switch o := obj.(type) {
		case *types.Func:
			o = o.Origin()
			if _, built := u.builders.callers[o]; u.argCalls[o] == 0 && !built {
				continue
			}
			obj = o
		case *types.Var:
			if _, ok := u.life.litVars[o]; !ok {
				continue
			}
		default:
			continue
		}
		if !flagTests && (lint.IsTestFile(pass, id.Pos()) || lint.IsTestSupportFile(pass, id.Pos())) {
			continue
		}
		u.uses[obj]++
	}
	return u.uses
}
