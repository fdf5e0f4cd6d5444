package ctxprop

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// inKeptCallback reports whether the top of stack lies in a function literal
// handed to a function of this package that keeps it to run later instead
// of calling it before it returns: it stores the callback (in a struct, a
// field, a map), passes it on, starts it on a goroutine or a timer. Such a
// callback belongs to the component that keeps it — a publish buffer's
// flush, a debounced trailing update — and runs for whatever that component
// serves, after the caller has returned; the caller's context is not the
// one to give it:
//
//	buf := newPubBuffer(m.ctx, func(msg *Message) error {
//		ctx, cancel := context.WithTimeout(context.Background(), pubTimeout)
//		defer cancel()
//		return m.mq.Send(ctx, msg)
//	})
//
// A callback the function only calls, directly in its own body, runs as
// part of the caller's work and is checked as such.
func (c *collector) inKeptCallback(stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) == lit {
			continue
		}
		if j := lint.ArgIndex(call, lit); j >= 0 && c.keepsCallback(api.Callee(c.pass.TypesInfo, call), j) {
			return true
		}
	}
	return false
}

// keepsCallback reports whether the function parameter at index of fn, a
// function of this package, is used other than by calling it in fn's body.
// Each parameter's body is read once.
func (c *collector) keepsCallback(fn *types.Func, index int) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok || index >= sig.Params().Len() || sig.Variadic() && index >= sig.Params().Len()-1 {
		return false
	}
	param := sig.Params().At(index)
	if kept, ok := c.kept[param]; ok {
		return kept
	}
	kept := c.usedOtherThanCalled(fn, param)
	c.kept[param] = kept
	return kept
}

// usedOtherThanCalled reports whether param, a function parameter of fn, is
// used in fn's body other than by a direct call outside function literals
// and go statements.
func (c *collector) usedOtherThanCalled(fn *types.Func, param *types.Var) bool {
	decl := c.declOf(fn)
	if _, isFunc := param.Type().Underlying().(*types.Signature); !isFunc || decl == nil {
		return false
	}
	info := c.pass.TypesInfo
	kept := false
	walkStack(decl.Body, func(n ast.Node, stack []ast.Node) bool {
		if kept {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != param {
			return true
		}
		call, called := stack[len(stack)-1].(*ast.CallExpr)
		called = called && ast.Unparen(call.Fun) == id
		for _, outer := range stack {
			switch outer.(type) {
			case *ast.FuncLit, *ast.GoStmt:
				called = false
			}
		}
		kept = !called
		return false
	})
	return kept
}

// declOf returns the declaration of a function of this package, or nil.
func (c *collector) declOf(fn *types.Func) *ast.FuncDecl {
	if c.decls == nil {
		c.decls = map[*types.Func]*ast.FuncDecl{}
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
	}
	return c.decls[fn]
}
