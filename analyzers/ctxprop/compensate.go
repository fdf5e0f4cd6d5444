package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// compensationVerbs start the names of calls that undo work: what a failed
// operation had already created is deleted, rolled back or released.
var compensationVerbs = map[string]bool{
	"delete": true, "remove": true, "rollback": true, "revert": true, "undo": true,
	"cleanup": true, "clean": true, "release": true, "abort": true, "destroy": true, "purge": true,
}

// compensates reports whether the fresh root given to call undoes the work
// of a call that failed under src: call is named for undoing (Delete,
// Rollback, Release), and it lies in the body of if err != nil where err
// comes from a call given src —
//
//	obj, err := secrets.Create(ctx, s)
//	if err != nil {
//		for _, name := range created {
//			_ = secrets.Delete(context.Background(), name)
//		}
//
// The failure may be ctx's own cancellation, and what was half done must be
// undone all the same: a fresh root is the only context that works.
func compensates(info *types.Info, stack []ast.Node, call *ast.CallExpr, src *types.Var) bool {
	fn := api.Callee(info, call)
	if fn == nil || src == nil {
		return false
	}
	if ws := api.Words(fn.Name()); len(ws) == 0 || !compensationVerbs[ws[0]] {
		return false
	}
	for i := len(stack) - 2; i >= 1; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if stack[i+1] != n.Body {
				continue
			}
			errVar := nonNilChecked(info, n.Cond)
			if errVar != nil && assignedFromCallWith(info, stack[i-1], n, errVar, src) {
				return true
			}
		}
	}
	return false
}

// nonNilChecked returns v of a condition v != nil, or nil.
func nonNilChecked(info *types.Info, cond ast.Expr) *types.Var {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || !api.IsNil(info, b.Y) {
		return nil
	}
	return lint.IdentVar(info, b.X)
}

// assignedFromCallWith reports whether errVar is assigned, in the if
// statement's init or in the statement right before it in parent, from a
// call that is given src.
func assignedFromCallWith(info *types.Info, parent ast.Node, ifs *ast.IfStmt, errVar, src *types.Var) bool {
	var stmt ast.Stmt = ifs.Init
	if stmt == nil {
		list := blockStmts([]ast.Node{parent})
		for j := 1; j < len(list); j++ {
			if list[j] == ifs {
				stmt = list[j-1]
			}
		}
	}
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	assigns := false
	for _, l := range as.Lhs {
		if lint.IdentVar(info, l) == errVar {
			assigns = true
		}
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !assigns || !ok {
		return false
	}
	for _, a := range call.Args {
		if lint.IdentVar(info, a) == src {
			return true
		}
	}
	return false
}
