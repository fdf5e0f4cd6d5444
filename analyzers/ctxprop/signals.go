package ctxprop

import (
	"go/ast"
	"go/types"
)

// onlySignal reports whether the fresh context stored in v serves only as
// a signal: inside fd it is never handed to any work, only asked whether
// it is done (v.Err(), v.Done(), v.Deadline()), reassigned, or made the
// parent of a cancellable derivation stored back into v (v, cancel =
// context.WithCancel(v)), whose cancel function the code passes on:
//
//	delayCtx := context.Background()
//	if delay > 0 {
//		delayCtx, cancel = context.WithCancel(delayCtx)
//		ctx = withDelayCancel(ctx, cancel)
//	}
//	next(ctx, req)
//	if delayCtx.Err() != nil { ... } // cancelled down the chain
//
// No work runs under such a context, so no trace can be lost through it,
// and the request's context is not the one to test.
func (c *collector) onlySignal(fd *ast.FuncDecl, v *types.Var) bool {
	if fd == nil || fd.Body == nil || v == nil {
		return false
	}
	info := c.pass.TypesInfo
	signal := true
	walkStack(fd.Body, func(n ast.Node, stack []ast.Node) bool {
		if !signal {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != v || len(stack) == 0 {
			return true
		}
		switch p := stack[len(stack)-1].(type) {
		case *ast.SelectorExpr:
			switch p.Sel.Name {
			case "Err", "Done", "Deadline":
			default:
				signal = false
			}
		case *ast.AssignStmt:
			signal = assignsTo(p, id)
		case *ast.CallExpr:
			signal = len(stack) >= 2 && isContextDerivation(info, p) && len(p.Args) > 0 && ast.Unparen(p.Args[0]) == id &&
				storesBackInto(info, stack[len(stack)-2], p, v)
		default:
			signal = false
		}
		return false
	})
	return signal
}

// assignsTo reports whether id is on the left-hand side of as.
func assignsTo(as *ast.AssignStmt, id *ast.Ident) bool {
	for _, l := range as.Lhs {
		if ast.Unparen(l) == id {
			return true
		}
	}
	return false
}

// storesBackInto reports whether parent assigns the context result of
// call to v (v, cancel = context.WithCancel(v)).
func storesBackInto(info *types.Info, parent ast.Node, call *ast.CallExpr, v *types.Var) bool {
	as, ok := parent.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || len(as.Lhs) == 0 {
		return false
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	return ok && info.ObjectOf(id) == v
}
