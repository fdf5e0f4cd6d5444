package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// This file decides when a fresh root context is a deliberate detachment
// from the context at hand, which no fix may undo, because the parent is
// already cancelled there (comments.go reads the authors' explanations).

// noteDerivations records, for an assignment whose first right-hand value
// is a call taking a context variable p first and returning a context
// (context.WithCancel(p), tracer.Start(p, ...)), that the context it
// assigns is derived from p — cancelling p cancels it too — and pairs a
// cancel function assigned beside it with that context: ctx, cancel :=
// context.WithCancel(parent).
func (c *collector) noteDerivations(lhs, rhs []ast.Expr) {
	if len(rhs) != 1 || len(lhs) == 0 {
		return
	}
	info := c.pass.TypesInfo
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	v := lint.IdentVar(info, lhs[0])
	if v == nil || !api.IsContextLike(v.Type()) {
		return
	}
	if len(call.Args) > 0 {
		if p := lint.IdentVar(info, call.Args[0]); p != nil && p != v && api.IsContextLike(p.Type()) {
			c.parentOf[v] = p
		}
	}
	if len(lhs) == 2 && isContextDerivation(info, call) {
		if cf := lint.IdentVar(info, lhs[1]); cf != nil {
			c.cancels[cf] = v
		}
	}
}

// doneContexts returns the context variables known to be cancelled at the
// top of stack, in the innermost function declaration (function literals
// inside it included: they run no earlier than where they are written):
//
//   - in the body of case <-ctx.Done(): of a select;
//   - after a statement <-ctx.Done() or cancel() (the cancel function paired
//     with ctx) earlier in an enclosing block;
//   - after a loop, earlier in an enclosing block, that one of its ways
//     out leaves when ctx is done (loopLeftWhenDone: ctx may be cancelled);
//   - in the body of if ctx.Err() != nil.
//
// A request r stands for r.Context().
func (c *collector) doneContexts(stack []ast.Node) map[*types.Var]bool {
	var done map[*types.Var]bool
	add := func(v *types.Var) {
		if v == nil {
			return
		}
		if done == nil {
			done = map[*types.Var]bool{}
		}
		done[v] = true
	}
	for i := len(stack) - 2; i >= 0; i-- {
		child := stack[i+1]
		switch n := stack[i].(type) {
		case *ast.FuncDecl:
			return done
		case *ast.CommClause:
			if n.Comm != nil && child != n.Comm {
				add(c.awaitsDone(n.Comm))
			}
			c.cancelledBefore(n.Body, child, add)
		case *ast.CaseClause:
			c.cancelledBefore(n.Body, child, add)
		case *ast.BlockStmt:
			c.cancelledBefore(n.List, child, add)
		case *ast.IfStmt:
			if child == n.Body {
				add(c.errChecked(n.Cond))
			}
		}
	}
	return done
}

// cancelledBefore adds the contexts that a statement of list before child
// cancels or waits for: <-ctx.Done(), or cancel() of ctx's cancel function.
func (c *collector) cancelledBefore(list []ast.Stmt, child ast.Node, add func(*types.Var)) {
	for _, s := range list {
		if s == child {
			return
		}
		add(c.awaitsDone(s))
		add(c.loopLeftWhenDone(s))
		es, ok := s.(*ast.ExprStmt)
		if !ok {
			continue
		}
		if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && len(call.Args) == 0 {
			if cf := lint.IdentVar(c.pass.TypesInfo, call.Fun); cf != nil {
				add(c.cancels[cf])
			}
		}
	}
}

// loopLeftWhenDone returns ctx for a loop that one of its ways out leaves
// when ctx is done: for ctx.Err() == nil { ... }, a labeled break out of
// it in a case <-ctx.Done(): of a select, or a break in an if ctx.Err() !=
// nil directly in its body. The code after such a loop — a final status
// write, a clean-up — runs when ctx may be cancelled, and must run then
// too; or nil.
func (c *collector) loopLeftWhenDone(s ast.Stmt) *types.Var {
	label := ""
	if l, ok := s.(*ast.LabeledStmt); ok {
		label, s = l.Label.Name, l.Stmt
	}
	var body *ast.BlockStmt
	switch l := s.(type) {
	case *ast.ForStmt:
		if v := c.errUnset(l.Cond); v != nil {
			return v
		}
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	default:
		return nil
	}
	for _, st := range body.List {
		if ifs, ok := st.(*ast.IfStmt); ok && breaksOut(ifs.Body, "") {
			if v := c.errChecked(ifs.Cond); v != nil {
				return v
			}
		}
	}
	if label == "" {
		return nil
	}
	var found *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if v := c.awaitsDone(n.Comm); v != nil && breaksOut(&ast.BlockStmt{List: n.Body}, label) {
				found = v
			}
		}
		return true
	})
	return found
}

// breaksOut reports whether block ends with a break out of the loop
// labeled label, or an unlabeled break when label is "".
func breaksOut(block *ast.BlockStmt, label string) bool {
	if block == nil || len(block.List) == 0 {
		return false
	}
	br, ok := block.List[len(block.List)-1].(*ast.BranchStmt)
	if !ok || br.Tok != token.BREAK {
		return false
	}
	if br.Label == nil {
		return label == ""
	}
	return br.Label.Name == label
}

// errUnset returns ctx for a loop condition ctx.Err() == nil, or nil.
func (c *collector) errUnset(cond ast.Expr) *types.Var {
	return c.errComparedToNil(cond, token.EQL)
}

// awaitsDone returns ctx for a statement receiving from ctx.Done() (<-ctx.Done(),
// v := <-ctx.Done(), <-r.Context().Done()), or nil.
func (c *collector) awaitsDone(s ast.Stmt) *types.Var {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil
	}
	return c.contextMethodReceiver(u.X, "Done")
}

// errChecked returns ctx for a condition ctx.Err() != nil, or nil.
func (c *collector) errChecked(cond ast.Expr) *types.Var {
	return c.errComparedToNil(cond, token.NEQ)
}

// errComparedToNil returns ctx for a condition comparing ctx.Err() to nil
// with op (== or !=), or nil.
func (c *collector) errComparedToNil(cond ast.Expr, op token.Token) *types.Var {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return nil
	}
	info := c.pass.TypesInfo
	switch {
	case api.IsNil(info, b.Y):
		return c.contextMethodReceiver(b.X, "Err")
	case api.IsNil(info, b.X):
		return c.contextMethodReceiver(b.Y, "Err")
	}
	return nil
}

// contextMethodReceiver returns v for a call v.name() on a context
// variable, or r for r.Context().name() on a request, or nil.
func (c *collector) contextMethodReceiver(e ast.Expr, name string) *types.Var {
	info := c.pass.TypesInfo
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil
	}
	if v := lint.IdentVar(info, sel.X); v != nil && api.IsContextLike(v.Type()) {
		return v
	}
	if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && len(inner.Args) == 0 {
		if isel, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr); ok && isel.Sel.Name == "Context" {
			if v := lint.IdentVar(info, isel.X); v != nil && api.IsHTTPRequest(v.Type()) {
				return v
			}
		}
	}
	return nil
}

// parentDone reports whether src — or a context it derives from — is
// known to be cancelled at the top of stack: a fresh root is then the only
// way to finish the work (a final commit, a flush), and src would fail it.
func (c *collector) parentDone(stack []ast.Node, src *types.Var) bool {
	return c.isDone(c.doneContexts(stack), src)
}

func (c *collector) isDone(done map[*types.Var]bool, v *types.Var) bool {
	for seen := 0; v != nil && seen < 32; seen++ {
		if done[v] {
			return true
		}
		v = c.parentOf[v]
	}
	return false
}

// cancelOf returns the cancel function assigned beside the fresh context
// at the top of stack (ctx, cancel := context.WithCancel(context.Background())),
// or nil.
func cancelOf(info *types.Info, stack []ast.Node) *types.Var {
	e, i := derivedContext(info, stack)
	if i < 0 {
		return nil
	}
	switch p := stack[i].(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 && p.Rhs[0] == e {
			return lint.IdentVar(info, p.Lhs[1])
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && len(p.Values) == 1 && p.Values[0] == e {
			return lint.IdentVar(info, p.Names[1])
		}
	}
	return nil
}
