package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

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
		if ch == nil || !isTimeChan(info, ch) || !lint.InEndlessFor(stack[:i]) || lint.DeclaredIn(src, cc) {
			return nil, false
		}
		for j := i - 1; j >= 0; j-- {
			switch f := stack[j].(type) {
			case *ast.FuncLit:
				if lint.DeclaredIn(src, f) {
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
	return lint.ReceivedFrom(comm)
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
	if runsAsGoroutineBody(stack, call) {
		c.goStarted[fn] = true
		return
	}
	c.calledSync[fn] = true
}

// runsAsGoroutineBody reports whether call, at the top of stack, is a
// statement of a function literal a go statement starts — go func() {
// defer wg.Done(); sh.loop(ctx) }() — which starts it on a goroutine of
// its own as go sh.loop(ctx) would.
func runsAsGoroutineBody(stack []ast.Node, call *ast.CallExpr) bool {
	n := len(stack)
	if n < 6 {
		return false
	}
	es, ok := stack[n-2].(*ast.ExprStmt)
	if !ok || es.X != call {
		return false
	}
	body, ok := stack[n-3].(*ast.BlockStmt)
	lit, ok2 := stack[n-4].(*ast.FuncLit)
	if !ok || !ok2 || lit.Body != body {
		return false
	}
	goCall, ok := stack[n-5].(*ast.CallExpr)
	if !ok || ast.Unparen(goCall.Fun) != lit {
		return false
	}
	g, ok := stack[n-6].(*ast.GoStmt)
	return ok && g.Call == goCall
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
