package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// noteRetainedArgs records the context variables given to a call that
// builds a long-lived client keeping them (api.RetainsContext: ctx :=
// context.WithValue(context.Background(), oauth2.HTTPClient, hc);
// src := conf.TokenSource(ctx)) or dials a gRPC connection
// (buildsConnection): like a context stored in a field, the fresh root is
// the client's lifetime context.
func (c *collector) noteRetainedArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 || !api.RetainsContext(c.pass.TypesInfo, call) && !buildsConnection(c.pass.TypesInfo, call) {
		return
	}
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
				c.stored[v] = true
			}
		}
	}
}

// freshContextFlow returns the variable the value at the top of stack is
// stored in — directly (ctx := context.Background()) or through a
// context.WithX derivation (ctx, cancel := context.WithTimeout(context.Background(), d)) —
// and whether the store is a plain assignment (=) rather than a declaration.
func freshContextFlow(info *types.Info, stack []ast.Node) (*types.Var, bool) {
	lhs, tok := flowTarget(info, stack)
	if id, ok := lhs.(*ast.Ident); ok {
		v, _ := info.ObjectOf(id).(*types.Var)
		return v, tok == token.ASSIGN
	}
	return nil, false
}

// flowTarget returns the expression the value at the top of stack (or a
// context derived from it by context.WithX) is stored into — the left-hand
// side of an assignment or declaration, or the key of a composite literal
// element — and the assignment's token, or nil.
func flowTarget(info *types.Info, stack []ast.Node) (ast.Expr, token.Token) {
	e, i := derivedContext(info, stack)
	if i < 0 {
		return nil, token.ILLEGAL
	}
	if target, tok := assignedTarget(stack[i], e); target != nil {
		return target, tok
	}
	switch p := stack[i].(type) {
	case *ast.KeyValueExpr:
		if p.Value == e && i > 0 {
			if _, ok := stack[i-1].(*ast.CompositeLit); ok && literalKept(stack[:i]) {
				return p.Key, token.ILLEGAL
			}
		}
	}
	return nil, token.ILLEGAL
}

// derivedContext climbs from the expression at the top of stack through
// parentheses and context derivations (context.WithCancel(x), ...) whose
// first argument it is, and returns the outermost such expression and the
// stack index of its parent (-1 when there is none).
func derivedContext(info *types.Info, stack []ast.Node) (ast.Node, int) {
	return climbCalls(stack, func(call *ast.CallExpr) bool { return isContextDerivation(info, call) })
}

// climbCalls climbs from the expression at the top of stack through
// parentheses and the calls through which it passes (as first argument)
// and returns the outermost such expression and the stack index of its
// parent (-1 when there is none).
func climbCalls(stack []ast.Node, through func(*ast.CallExpr) bool) (ast.Node, int) {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.CallExpr:
			if lint.ArgIndex(p, e) == 0 && through(p) {
				e = p
				continue
			}
		}
		return e, i
	}
	return e, -1
}

// assignedTarget returns the left-hand side that the assignment or
// declaration p stores e into, and the assignment's token; nil when p is
// neither or does not store e.
func assignedTarget(p ast.Node, e ast.Node) (ast.Expr, token.Token) {
	switch p := p.(type) {
	case *ast.AssignStmt:
		return assignedExpr(p.Lhs, p.Rhs, e), p.Tok
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(p.Names))
		for j, n := range p.Names {
			names[j] = n
		}
		return assignedExpr(names, p.Values, e), token.DEFINE
	}
	return nil, token.ILLEGAL
}

func assignedExpr(lhs, rhs []ast.Expr, e ast.Node) ast.Expr {
	idx := -1
	for i, r := range rhs {
		if r == e {
			idx = i
		}
	}
	if idx < 0 || len(rhs) != 1 && len(rhs) != len(lhs) || idx >= len(lhs) {
		return nil
	}
	return ast.Unparen(lhs[idx])
}

// literalKept reports whether the composite literal at the top of stack is
// kept as a component — returned, assigned, declared, or nested in such a
// literal — rather than passed to a call or sent on a channel as a message
// (queue <- Job{Ctx: ...}), whose context should carry the trace.
func literalKept(stack []ast.Node) bool {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return false
			}
			e = p
		case *ast.KeyValueExpr:
			if p.Value != e {
				return false
			}
			e = p
		case *ast.CompositeLit:
			e = p
		case *ast.ReturnStmt, *ast.ValueSpec:
			return true
		case *ast.AssignStmt:
			for _, r := range p.Rhs {
				if r == e {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// storedForLater reports whether the fresh context at the top of stack is
// kept beyond the function — in a struct field (s.ctx, cancel =
// context.WithCancel(context.Background()); &Svc{ctx: ...}) or a package
// variable — as the lifetime context of a long-lived component, which
// rightly starts its own traces.
func storedForLater(info *types.Info, stack []ast.Node) bool {
	lhs, tok := flowTarget(info, stack)
	switch x := lhs.(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal
		}
		v, ok := info.ObjectOf(x.Sel).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.Ident:
		if tok == token.ILLEGAL {
			return true // a struct literal's field key
		}
		v, ok := info.ObjectOf(x).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// noteStoredContexts records context variables that an assignment or a
// composite literal keeps beyond the function (ix.ctx = lctx;
// &Indexer{ctx: lctx}): a fresh root stored in them is a component's
// lifetime context (see storedForLater).
func (c *collector) noteStoredContexts(n ast.Node) {
	info := c.pass.TypesInfo
	note := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
				c.stored[v] = true
			}
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					note(n.Rhs[i])
				}
			}
		}
	case *ast.CompositeLit:
		if t := api.TypeOf(info, n); t == nil || !isStructType(t) {
			return
		}
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				note(kv.Value)
			}
		}
	}
}

// isStructType reports whether t is a struct or a pointer to one.
func isStructType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// buildsConnection reports whether call returns a long-lived gRPC client
// connection (*grpc.ClientConn): its dial context bounds the dial alone —
// the connection outlives any request and carries no trace of its own —
// so a fresh root given to it loses nothing.
func buildsConnection(info *types.Info, call *ast.CallExpr) bool {
	if !takesContextFirst(info, call) {
		return false
	}
	sig, ok := api.TypeOf(info, call.Fun).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if api.IsPointerTo(sig.Results().At(i).Type(), "google.golang.org/grpc", "ClientConn") {
			return true
		}
	}
	return false
}

// cancelledByHand reports whether the cancel function paired with a fresh
// context (ctx, cancel := context.WithCancel(context.Background())) is
// managed beyond its function's own scope, which makes the fresh context
// a lifetime its author runs by hand rather than a lost trace:
//
//   - cancel is a named result, returned, stored, or passed to a call;
//   - cancel() is called from a function literal that does not use the
//     fresh context itself and is handed on or run on its own goroutine (a
//     run group's interrupt, a watcher goroutine);
//   - cancel() is called where src — the context at hand — is already done
//     (after <-src.Done(), in case <-src.Done():): an ordered shutdown
//     that lets in-flight work finish before cancelling it.
//
// A deferred cancel(), or a plain cancel() once the work is done, is not.
func (c *collector) cancelledByHand(fd *ast.FuncDecl, cancel, fresh, src *types.Var) bool {
	if fd == nil || fd.Body == nil || cancel == nil || fresh == nil {
		return false
	}
	info := c.pass.TypesInfo
	if fd.Type.Results != nil {
		for _, f := range fd.Type.Results.List {
			for _, id := range f.Names {
				if info.Defs[id] == cancel {
					return true
				}
			}
		}
	}
	byHand := false
	walkStack(fd.Body, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != cancel || len(stack) == 0 {
			return !byHand
		}
		parent := stack[len(stack)-1]
		call, isCall := parent.(*ast.CallExpr)
		switch {
		case isCall && call.Fun == id:
			if len(stack) > 1 {
				if d, ok := stack[len(stack)-2].(*ast.DeferStmt); ok && d.Call == call {
					return true // defer cancel()
				}
			}
			if lit := innermostLit(stack); lit != nil && !lint.DeclaredIn(cancel, lit) && !runsInPlace(stack, lit) && !api.Mentions(info, lit.Body, fresh) {
				byHand = true
			} else if src != nil && c.isDone(c.doneContexts(append(append([]ast.Node(nil), stack...), id)), src) {
				byHand = true
			}
		case isCall: // passed to a call: cancel becomes someone else's
			byHand = true
		case isAssignedOrReturned(parent, id):
			byHand = true
		}
		return !byHand
	})
	return byHand
}

// isAssignedOrReturned reports whether the use id under parent hands the
// value on: a return, the right-hand side of an assignment, a composite
// literal element.
func isAssignedOrReturned(parent ast.Node, id *ast.Ident) bool {
	switch p := parent.(type) {
	case *ast.ReturnStmt, *ast.CompositeLit:
		return true
	case *ast.KeyValueExpr:
		return p.Value == id
	case *ast.AssignStmt:
		for _, r := range p.Rhs {
			if r == id {
				return true
			}
		}
	}
	return false
}

// runsInPlace reports whether the function literal lit in stack is called
// where it is written, or deferred there — func() { cancel() }(),
// defer func() { cancel() }() — rather than handed to someone or run on
// its own goroutine.
func runsInPlace(stack []ast.Node, lit *ast.FuncLit) bool {
	for i := len(stack) - 1; i > 0; i-- {
		if stack[i] != lit {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok || call.Fun != lit || i < 2 {
			return false
		}
		_, isGo := stack[i-2].(*ast.GoStmt)
		return !isGo
	}
	return false
}

// innermostLit returns the innermost function literal in stack, or nil.
func innermostLit(stack []ast.Node) *ast.FuncLit {
	for i := len(stack) - 1; i >= 0; i-- {
		if lit, ok := stack[i].(*ast.FuncLit); ok {
			return lit
		}
	}
	return nil
}

// walkStack walks the tree under root depth-first, calling fn with each
// node and the stack of its ancestors (root first, not including n); fn
// returning false stops the descent below n.
func walkStack(root ast.Node, fn func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !fn(n, stack) {
			return false
		}
		stack = append(stack, n)
		return true
	})
}

// inTeardownLiteral reports whether the top of stack lies in a function
// literal that tears a piece of work down: returned by a function named for
// starting or stopping (StartPartition, StopFunc), or assigned to a local
// named for a teardown (cleanup, release, stop, shutdown), however that is
// then run — returned, deferred (releaseConn := func() {...}; defer
// releaseConn()) or called on each way out. It runs after the work is
// over, when the call's context may be done (often the reason the work
// ended): a fresh root there is the only context that works. A returned
// closure without such a name (a loader, a handler) still sees the
// caller's context.
func inTeardownLiteral(stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		switch p := stack[i-1].(type) {
		case *ast.ReturnStmt:
			fd := lint.EnclosingFuncDecl(stack[:i])
			return fd != nil && namesLifecycle(fd.Name.Name)
		case *ast.AssignStmt:
			if len(p.Lhs) != len(p.Rhs) {
				return false
			}
			for j, r := range p.Rhs {
				if r != lit {
					continue
				}
				id, ok := p.Lhs[j].(*ast.Ident)
				return ok && namesTeardown(id.Name)
			}
		}
		return false
	}
	return false
}

// namesLifecycle reports whether a function's name starts with a verb that
// starts or ends a component (StartPartition, StopFunc, CloseAll).
func namesLifecycle(name string) bool {
	w := api.Words(name)
	return len(w) > 0 && (w[0] == "start" || teardownVerb(w[0]))
}

// namesTeardown reports whether a variable is named for ending a life
// (cleanup, release, stop, shutdownFn, closeAll).
func namesTeardown(name string) bool {
	w := api.Words(name)
	return len(w) > 0 && (isShutdownName(w[0]) || teardownVerb(w[0]) || w[0] == "release")
}
