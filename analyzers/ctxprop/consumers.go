package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// inConsumerLoop reports whether the top of stack lies in the work of an
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
func inConsumerLoop(info *types.Info, stack []ast.Node, src *types.Var) bool {
	fn := lint.EnclosingFuncDecl(stack)
	if fn == nil {
		return false
	}
	for _, n := range stack {
		if lit, ok := n.(*ast.FuncLit); ok && declaredIn(src, lit) {
			return false // the context comes from the goroutine or callback itself
		}
	}
	for i := len(stack) - 1; i >= 1; i-- {
		switch n := stack[i].(type) {
		case *ast.RangeStmt:
			if declaredIn(src, n) || n.Key == nil || !isChan(info, n.X) || i+1 >= len(stack) || stack[i+1] != n.Body {
				continue
			}
			return subscribed(info, fn, n.X)
		case *ast.CommClause:
			ch := receivedFrom(n.Comm)
			if ch == nil || !inEndlessFor(stack[:i]) || declaredIn(src, n) {
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

// receivedFrom returns ch of a select case x := <-ch (or x, ok := <-ch),
// which binds the received item; nil for other cases.
func receivedFrom(comm ast.Stmt) ast.Expr {
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

// inEndlessFor reports whether the select at the top of stack (after its
// body block) is in a for statement without a condition, in the same
// function.
func inEndlessFor(stack []ast.Node) bool {
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
	v := identVar(info, ch)
	if v == nil || !declaredIn(v, fn) {
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
				if identVar(info, l) != v {
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

// inTickCase reports whether the top of stack lies in the case of a select,
// in an endless for, that receives from a timer channel (a chan of
// time.Time: a time.Ticker's or time.Timer's C, time.After, time.Tick):
// each tick starts a periodic job's own work, and the context at hand is
// the loop's lifetime, not a trace. That holds when the loop runs in a
// goroutine of its own: it does when it is in a function literal started
// by a go statement (fn is nil then), and it is left to the caller to
// check when it is in a declared function (fn), which must only ever be
// started with go.
//
//	go w.watch(ctx)
//	...
//	case <-ticker.C:
//		metrics.Inc(context.Background(), pollCount)
func inTickCase(info *types.Info, stack []ast.Node, src *types.Var) (fn *types.Func, ok bool) {
	for i := len(stack) - 1; i >= 1; i-- {
		cc, isCase := stack[i].(*ast.CommClause)
		if !isCase {
			if _, isLit := stack[i].(*ast.FuncLit); isLit {
				return nil, false
			}
			continue
		}
		ch := tickedFrom(cc.Comm)
		if ch == nil || !isTimeChan(info, ch) || !inEndlessFor(stack[:i]) || declaredIn(src, cc) {
			return nil, false
		}
		for j := i - 1; j >= 0; j-- {
			switch f := stack[j].(type) {
			case *ast.FuncLit:
				if declaredIn(src, f) {
					return nil, false
				}
				if j >= 2 {
					if call, ok := stack[j-1].(*ast.CallExpr); ok && call.Fun == f {
						if _, ok := stack[j-2].(*ast.GoStmt); ok {
							return nil, true
						}
					}
				}
				return nil, false
			case *ast.FuncDecl:
				fn, _ := info.Defs[f.Name].(*types.Func)
				return fn, fn != nil
			}
		}
		return nil, false
	}
	return nil, false
}

// tickedFrom returns ch of a select case <-ch, x := <-ch or x, ok := <-ch.
func tickedFrom(comm ast.Stmt) ast.Expr {
	if es, ok := comm.(*ast.ExprStmt); ok {
		if u, ok := ast.Unparen(es.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			return u.X
		}
		return nil
	}
	return receivedFrom(comm)
}

// isTimeChan reports whether e is a channel of time.Time.
func isTimeChan(info *types.Info, e ast.Expr) bool {
	t := api.TypeOf(info, e)
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ok && api.IsNamed(ch.Elem(), "time", "Time")
}

// noteGoStarts records the package's functions called in a go statement
// and those called anywhere else, for inTickCase's declared functions.
func (c *collector) noteGoStarts(call *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return
	}
	fn = fn.Origin()
	if len(stack) >= 2 {
		if g, ok := stack[len(stack)-2].(*ast.GoStmt); ok && g.Call == call {
			c.goStarted[fn] = true
			return
		}
	}
	c.calledSync[fn] = true
}

// onlyGoStarted reports whether fn is started with go and never called
// otherwise, nor used as a value.
func (c *collector) onlyGoStarted(fn *types.Func) bool {
	if fn == nil || !c.goStarted[fn] || c.calledSync[fn] {
		return false
	}
	if c.usedAsValue == nil {
		c.usedAsValue = c.funcsUsedAsValues()
	}
	return !c.usedAsValue[fn]
}
