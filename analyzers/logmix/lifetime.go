package logmix

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// lifetimes records where the context at hand is a component's lifetime
// rather than a request's: the places missing-context leaves alone because
// passing the context to the logger would attach no trace.
//
//   - A goroutine the function leaves running (go func() { ... }(), a local
//     literal only ever started with go, or one a timer or a scheduler runs
//     later; no Wait in the function that starts it, no send to report
//     back) that does its work with a context captured from outside: the
//     work outlives the call, so the context must too. Callers hand such a
//     function a root or a component's lifetime context, not a request's,
//     whose cancellation would stop the work half done. A context the
//     goroutine detaches with context.WithoutCancel is the request's, kept
//     on purpose, and is not such evidence; nor is one the function derived
//     from a span.
//   - A function that starts serving requests (a server's Serve or
//     ListenAndServe): its logs are the server's start and exit, before and
//     after every request.
//   - A context parameter its function blocks on until it ends (blocksOn),
//     itself or through a function of the package it calls and waits for.
//
// Consumer loops are judged by lint.InConsumerLoop (consumerLifetime).
type lifetimes struct {
	goLits  map[*ast.FuncLit]ast.Node  // function literals run on a goroutine of their own → the function starting them
	waits   map[ast.Node]bool          // functions that call a Wait method (sync.WaitGroup, errgroup)
	sends   []token.Pos                // send statements
	work    map[*types.Var][]token.Pos // where a context variable is handed to a call
	serving map[ast.Node]bool          // functions that start serving requests

	// litVars are locals holding a function literal (work := func() {...}),
	// with the function that declares them; goCalls counts the go
	// statements calling each (go work(item)), -1 for a local assigned
	// twice. One only ever started with go is a goroutine's function, as a
	// literal started in place is.
	litVars map[*types.Var]litVar
	goCalls map[*types.Var]int

	// blocksOn are context parameters whose function blocks until they
	// end: a statement <-ctx.Done(), or an endless for whose select has a
	// case <-ctx.Done(), in the function itself rather than in a goroutine
	// it starts. Such a function runs for the context's lifetime (a
	// component's Run, an engine's start-up), not for a request.
	blocksOn map[*types.Var]bool
	// handOffs are the calls that hand a context parameter of their
	// function to a function of the package, in the function's own body:
	// when the callee blocks on it, the caller does too (finishHandOffs).
	handOffs []handOff
}

// handOff is one context parameter handed to a function of the package:
// param is passed as the callee's argument index.
type handOff struct {
	param  *types.Var
	callee *types.Func
	index  int
}

type litVar struct {
	lit     *ast.FuncLit
	starter ast.Node
}

func newLifetimes() lifetimes {
	return lifetimes{
		goLits:   map[*ast.FuncLit]ast.Node{},
		waits:    map[ast.Node]bool{},
		work:     map[*types.Var][]token.Pos{},
		serving:  map[ast.Node]bool{},
		litVars:  map[*types.Var]litVar{},
		goCalls:  map[*types.Var]int{},
		blocksOn: map[*types.Var]bool{},
	}
}

// noteLitVar records work := func(...) {...}, a single local given a
// function literal.
func (l *lifetimes) noteLitVar(info *types.Info, as *ast.AssignStmt, stack []ast.Node) {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	lit, ok := ast.Unparen(as.Rhs[0]).(*ast.FuncLit)
	if !ok {
		return
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	if _, seen := l.litVars[v]; seen || l.goCalls[v] < 0 {
		delete(l.litVars, v) // assigned twice: which literal runs is unknown
		l.goCalls[v] = -1
		return
	}
	l.litVars[v] = litVar{lit, innermostFunc(stack)}
}

// finishLitVars adds to goLits the literals of the locals whose every use
// is a go statement's call (uses: see useCounts).
func (l *lifetimes) finishLitVars(uses map[types.Object]int) {
	for v, lv := range l.litVars {
		if n := l.goCalls[v]; n > 0 && n == uses[v] {
			l.goLits[lv.lit] = lv.starter
		}
	}
}

// noteFuncLit records a function literal started by a go statement.
func (l *lifetimes) noteFuncLit(lit *ast.FuncLit, stack []ast.Node) {
	n := len(stack)
	if n < 3 {
		return
	}
	call, ok := stack[n-2].(*ast.CallExpr)
	if !ok || call.Fun != lit {
		return
	}
	if g, ok := stack[n-3].(*ast.GoStmt); ok && g.Call == call {
		l.goLits[lit] = innermostFunc(stack[:n-3])
	}
}

// noteScheduledLit records a function literal handed to a call that runs
// it later on a goroutine of its own (api.DeferredFuncArg: a timer's
// callback, a scheduler's job); it is judged like one started with go.
func (l *lifetimes) noteScheduledLit(info *types.Info, lit *ast.FuncLit, stack []ast.Node) {
	n := len(stack)
	if n < 2 {
		return
	}
	call, ok := stack[n-2].(*ast.CallExpr)
	if !ok {
		return
	}
	if i := api.DeferredFuncArg(info, call); i >= 0 && ast.Unparen(call.Args[i]) == lit {
		l.goLits[lit] = innermostFunc(stack[:n-2])
	}
}

// noteCall records what a call tells about lifetimes: a Wait, a server
// start, a context handed on as an argument.
func (l *lifetimes) noteCall(info *types.Info, call *ast.CallExpr, stack []ast.Node) {
	fn := innermostFunc(stack)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(stack) >= 2 {
		if g, ok := stack[len(stack)-2].(*ast.GoStmt); ok && g.Call == call {
			if v, ok := info.Uses[id].(*types.Var); ok && l.goCalls[v] >= 0 {
				l.goCalls[v]++
			}
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
		if _, isMethod := info.Selections[sel]; isMethod {
			l.waits[fn] = true
		}
	}
	if v := l.awaitedParam(info, call, stack); v != nil {
		l.blocksOn[v] = true
	}
	if api.StartsServing(info, call) {
		l.serving[fn] = true
	}
	if api.CalleeName(info, call) == "context.WithoutCancel" {
		return // detaching a request's context keeps its trace
	}
	for _, arg := range call.Args {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := info.Uses[id].(*types.Var); ok && api.IsContext(v.Type()) {
			l.work[v] = append(l.work[v], id.Pos())
		}
	}
}

// noteHandOff records a call, made in a function declaration's own body
// (not in a function literal or a go statement), that hands one of the
// function's context parameters to fn, a function of the package. A
// streaming handler's context stays the request's (see awaitedParam).
func (l *lifetimes) noteHandOff(info *types.Info, pkg *types.Package, call *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	if fn == nil || fn.Pkg() != pkg || len(call.Args) == 0 {
		return
	}
	fd := lint.EnclosingFuncDecl(stack)
	if fd == nil {
		return
	}
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return // run later, or elsewhere: the function does not wait for it
		}
	}
	for i, arg := range call.Args {
		v := lint.IdentVar(info, arg)
		if v == nil || !api.IsContext(v.Type()) || !lint.DeclaredIn(v, fd.Type) {
			continue
		}
		if caller, ok := info.Defs[fd.Name].(*types.Func); !ok || api.ServesOneRequest(caller.Type().(*types.Signature)) {
			return
		}
		l.handOffs = append(l.handOffs, handOff{param: v, callee: fn.Origin(), index: i})
	}
}

// finishHandOffs marks, after the walk, the context parameters handed to a
// function of the package that blocks on its own until the context ends:
// the call returns only then, so the caller runs for the context's
// lifetime as well (an engine's Run calling runServices(ctx), which waits
// on <-ctx.Done()).
func (l *lifetimes) finishHandOffs() {
	for changed := len(l.handOffs) > 0; changed; {
		changed = false
		for _, h := range l.handOffs {
			sig, ok := h.callee.Type().(*types.Signature)
			if l.blocksOn[h.param] || !ok || h.index >= sig.Params().Len() || sig.Variadic() && h.index == sig.Params().Len()-1 {
				continue
			}
			if l.blocksOn[sig.Params().At(h.index)] {
				l.blocksOn[h.param] = true
				changed = true
			}
		}
	}
}

// awaitedParam returns the context parameter p when call is p.Done() in a
// statement <-p.Done() or in the case <-p.Done() of a select in an endless
// for, in the function declaring p (not in a function literal).
func (l *lifetimes) awaitedParam(info *types.Info, call *ast.CallExpr, stack []ast.Node) *types.Var {
	n := len(stack)
	if n < 4 {
		return nil
	}
	recv, ok := stack[n-2].(*ast.UnaryExpr)
	if !ok || ast.Unparen(recv.X) != call {
		return nil
	}
	v := lint.AwaitedContext(info, recv)
	fd := lint.EnclosingFuncDecl(stack)
	if v == nil || fd == nil || !lint.DeclaredIn(v, fd.Type) {
		return nil
	}
	es, ok := stack[n-3].(*ast.ExprStmt)
	if !ok || es.X != recv {
		return nil
	}
	for _, f := range stack {
		if _, isLit := f.(*ast.FuncLit); isLit {
			return nil
		}
	}
	if cc, ok := stack[n-4].(*ast.CommClause); ok {
		if cc.Comm != es || !lint.InEndlessFor(stack[:n-4]) {
			return nil
		}
	}
	if fn, ok := info.Defs[fd.Name].(*types.Func); !ok || api.ServesOneRequest(fn.Type().(*types.Signature)) {
		return nil // a streaming handler runs until its request ends: the context is the request's
	}
	return v
}

// detachedWork reports whether the log call runs in a goroutine left
// running that does its work with v, a context captured from outside it
// and not derived from a span (see lifetimes).
func (u *usage) detachedWork(c *logCall, v *types.Var) bool {
	for _, f := range c.funcs {
		if lit, ok := f.(*ast.FuncLit); ok && u.detachedLit(lit, v) {
			return true
		}
	}
	return false
}

// detachedLit reports whether lit runs on a goroutine left running (see
// lifetimes) and does its work with v, a context captured from outside it
// and not derived from a span.
func (u *usage) detachedLit(lit *ast.FuncLit, v *types.Var) bool {
	if v == nil || lit == nil || within([]ast.Node{lit}, v.Pos()) {
		return false
	}
	starter, ok := u.life.goLits[lit]
	if !ok || u.life.waits[starter] || anyWithin(lit, u.life.sends) || !anyWithin(lit, u.life.work[v]) {
		return false
	}
	return !u.mayCarrySpan(v, map[*types.Var]bool{})
}

// awaitsEnd reports whether v is a context parameter its function blocks
// on until it ends (see blocksOn), with no span derived from it here.
func (u *usage) awaitsEnd(v *types.Var) bool {
	return v != nil && u.life.blocksOn[v] && !u.mayCarrySpan(v, map[*types.Var]bool{})
}

// consumerLifetime reports whether the log call is in the work of an item
// a consumer loop receives from a subscription (lint.InConsumerLoop) and v,
// the context at hand, is the loop's own and not derived from a span: each
// item is a unit of work of its own, and the loop's context spans them all.
// A function serving one request or stream (api.ServesOneRequest) loops
// on the request's context.
func (u *usage) consumerLifetime(info *types.Info, c *logCall, v *types.Var) bool {
	if v == nil || !lint.InConsumerLoop(info, c.stack, v) || u.mayCarrySpan(v, map[*types.Var]bool{}) {
		return false
	}
	_, fn := c.declaration(info)
	return fn == nil || !api.ServesOneRequest(fn.Type().(*types.Signature))
}

// mayCarrySpan reports whether the package puts a span into the context v:
// one of the values assigned to it, or to a context it copies or derives
// from, is a span's context (see spanEvidence). A parameter assigned
// nothing, or a context derived by another package's helper that adds a
// value, has no such evidence.
func (u *usage) mayCarrySpan(v *types.Var, visiting map[*types.Var]bool) bool {
	if visiting[v] || len(visiting) > 16 {
		return false
	}
	visiting[v] = true
	for _, o := range u.ctxOrigins[v] {
		if u.originMayCarrySpan(o, visiting) {
			return true
		}
	}
	return false
}

// originMayCarrySpan reports whether the value o records is a span's
// context, or derives from a context that may carry one.
func (u *usage) originMayCarrySpan(o ctxOrigin, visiting map[*types.Var]bool) bool {
	return o.span ||
		o.parent != nil && u.mayCarrySpan(o.parent, visiting) ||
		o.from != nil && u.mayCarrySpan(o.from, visiting)
}

// mayCarrySpanAt is mayCarrySpan for the context v at a log call at use
// inside the function fn: a span the function puts into v only after the
// call (ctx, span := tracer.Start(ctx, ...) further down) is not there yet.
func (u *usage) mayCarrySpanAt(v *types.Var, use token.Pos, fn ast.Node) bool {
	visiting := map[*types.Var]bool{v: true}
	for _, o := range u.ctxOrigins[v] {
		if o.reachesUse(use, fn) && u.originMayCarrySpan(o, visiting) {
			return true
		}
	}
	return false
}

func anyWithin(n ast.Node, ps []token.Pos) bool {
	for _, p := range ps {
		if n.Pos() <= p && p < n.End() {
			return true
		}
	}
	return false
}
