package lint

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// InConsumerLoop reports whether the top of stack lies in the work of an
// item a consumer loop receives — the body of for x := range ch, or of a
// case x := <-ch: in a select of an endless for — where ch is a channel the
// function did not make itself (a subscription, a listener's deliveries).
// Each received item is a unit of work of its own, and starting its trace
// from a fresh root is the consumer's convention: the context at hand
// there is the loop's lifetime, not a trace.
//
//	for {
//		select {
//		case action := <-actions:
//			go func() { _ = w.execute(context.Background(), action) }()
//
// A channel the function made, or one held in a field (a ticker's, a
// buffer the process fills itself), may carry the caller's own work, and is
// not a consumer loop.
func InConsumerLoop(info *types.Info, stack []ast.Node, src *types.Var) bool {
	fn := EnclosingFuncDecl(stack)
	if fn == nil {
		return false
	}
	for _, n := range stack {
		if lit, ok := n.(*ast.FuncLit); ok && DeclaredIn(src, lit) {
			return false // the context comes from the goroutine or callback itself
		}
	}
	for i := len(stack) - 1; i >= 1; i-- {
		switch n := stack[i].(type) {
		case *ast.RangeStmt:
			if DeclaredIn(src, n) || n.Key == nil || !isChan(info, n.X) || i+1 >= len(stack) || stack[i+1] != n.Body {
				continue
			}
			return subscribed(info, fn, n.X)
		case *ast.CommClause:
			ch := ReceivedFrom(n.Comm)
			if ch == nil || !InEndlessFor(stack[:i]) || DeclaredIn(src, n) {
				continue
			}
			return subscribed(info, fn, ch)
		}
	}
	return false
}

func isChan(info *types.Info, e ast.Expr) bool {
	t := api.TypeOf(info, e)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// ReceivedFrom returns ch of a select case x := <-ch (or x, ok := <-ch),
// which binds the received item; nil for other cases.
func ReceivedFrom(comm ast.Stmt) ast.Expr {
	as, ok := comm.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return nil
	}
	u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil
	}
	return u.X
}

// InEndlessFor reports whether the select at the top of stack (after its
// body block) is in a for statement without a condition, in the same
// function.
func InEndlessFor(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt:
			return n.Cond == nil
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// subscribed reports whether ch names a local variable of fn assigned the
// result of a call other than make (actions, err := listener.Actions(ctx)).
func subscribed(info *types.Info, fn ast.Node, ch ast.Expr) bool {
	v := IdentVar(info, ch)
	if v == nil || !DeclaredIn(v, fn) {
		return false
	}
	fromCall, other := false, false
	note := func(rhs ast.Expr) {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			other = true
			return
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("make") {
			other = true
			return
		}
		fromCall = true
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if IdentVar(info, l) != v {
					continue
				}
				switch {
				case len(n.Rhs) == len(n.Lhs):
					note(n.Rhs[i])
				case len(n.Rhs) == 1:
					note(n.Rhs[0]) // ch, err := sub.Channel(ctx)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					note(n.Values[i])
				case len(n.Values) == 1:
					note(n.Values[0])
				default:
					other = true
				}
			}
		}
		return true
	})
	return fromCall && !other
}

// DeclaredIn reports whether v is declared inside n.
func DeclaredIn(v *types.Var, n ast.Node) bool {
	return v != nil && n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// IdentVar returns the variable an identifier e names, or nil.
func IdentVar(info *types.Info, e ast.Expr) *types.Var {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, _ := info.ObjectOf(id).(*types.Var)
		return v
	}
	return nil
}
