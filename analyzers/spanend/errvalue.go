package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// recordedErr is the error a RecordError call records: its argument and the
// local variable it is read from (err, or res for res.err), when there is one.
type recordedErr struct {
	expr ast.Expr
	root *types.Var
}

// recordedErrOf describes the first argument of a RecordError call.
func (c *checker) recordedErrOf(call *ast.CallExpr) (recordedErr, bool) {
	if len(call.Args) == 0 {
		return recordedErr{}, false
	}
	rec := recordedErr{expr: ast.Unparen(call.Args[0])}
	switch e := rec.expr.(type) {
	case *ast.Ident:
		rec.root, _ = c.info.Uses[e].(*types.Var)
	case *ast.SelectorExpr:
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			if _, isField := c.info.Uses[e.Sel].(*types.Var); isField {
				rec.root, _ = c.info.Uses[id].(*types.Var)
			}
		}
	}
	return rec, true
}

// mentions reports whether e reads the recorded error: the same variable or
// field, or one of carriers (variables the error was copied or wrapped into).
func (c *checker) mentions(e ast.Expr, rec recordedErr, carriers map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok && carriers[v] {
				found = true
			}
		case ast.Expr:
			if _, isSel := rec.expr.(*ast.SelectorExpr); isSel && c.sameExpr(n, rec.expr) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isCancellation reports whether the error recorded at stmt is a
// cancellation: ctx.Err() itself, a variable only ever assigned ctx.Err(),
// or an error the enclosing if statements test to be context.Canceled.
// A cancelled operation did not fail (a sibling short-circuited, the caller
// went away), so its span is not marked as failed.
func (c *checker) isCancellation(fi *funcInfo, file *ast.File, stmt ast.Stmt, rec recordedErr) bool {
	if c.isCtxErr(rec.expr) {
		return true
	}
	if id, ok := rec.expr.(*ast.Ident); ok && rec.root != nil {
		assigned, allCtxErr := false, true
		ast.Inspect(fi.body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				if lid, ok := ast.Unparen(l).(*ast.Ident); ok && c.info.ObjectOf(lid) == rec.root {
					assigned = true
					allCtxErr = allCtxErr && c.isCtxErr(as.Rhs[i])
				}
			}
			return true
		})
		if assigned && allCtxErr && id.Name != "_" {
			return true
		}
	}
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, stmt.Pos(), stmt.End())
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if path[i-1] == ast.Node(n.Body) && c.testsCanceled(n.Cond, rec) {
				return true
			}
		}
	}
	return false
}

// isCtxErr reports whether e is a call of Err on a context.Context.
func (c *checker) isCtxErr(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Err" && api.IsContext(api.TypeOf(c.info, sel.X))
}

// testsCanceled reports whether cond holds only when the recorded error is
// context.Canceled: errors.Is(err, context.Canceled), err == context.Canceled,
// or either as one operand of &&.
func (c *checker) testsCanceled(cond ast.Expr, rec recordedErr) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return c.testsCanceled(e.X, rec) || c.testsCanceled(e.Y, rec)
		case token.LOR:
			return c.testsCanceled(e.X, rec) && c.testsCanceled(e.Y, rec)
		case token.EQL:
			return (c.sameExpr(e.X, rec.expr) && c.isCanceledVar(e.Y)) || (c.sameExpr(e.Y, rec.expr) && c.isCanceledVar(e.X))
		}
	case *ast.CallExpr:
		if api.CalleeName(c.info, e) == "errors.Is" && len(e.Args) == 2 {
			return c.sameExpr(e.Args[0], rec.expr) && c.isCanceledVar(e.Args[1])
		}
	}
	return false
}

// isCanceledVar reports whether e is context.Canceled.
func (c *checker) isCanceledVar(e ast.Expr) bool {
	v, ok := api.ObjectOf(c.info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "context" && v.Name() == "Canceled"
}

// errKnownNil reports whether the error variable v is nil wherever stmt
// runs: every path from the function's entry to stmt passes the nil branch
// of a test of v (if err != nil { return ... }) and nothing assigns v after
// it. The span's RecordError(nil) does nothing there, and err.Error() would
// panic.
func (c *checker) errKnownNil(g *graph, stmt ast.Node, v *types.Var) bool {
	if v == nil || !isError(v.Type()) {
		return false
	}
	p, ok := g.where[stmt]
	if !ok {
		return false
	}
	assignsV := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				found = found || assigns(c.info, x, v)
			case *ast.ValueSpec:
				for _, name := range x.Names {
					found = found || c.info.Defs[name] == v
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && x.Op == token.AND && c.info.Uses[id] == v {
					found = true
				}
			}
			return !found
		})
		return found
	}
	for _, n := range p.b.Nodes[:p.i] {
		if assignsV(n) {
			return false
		}
	}
	// p.b is not marked seen: a loop path coming back to it runs the
	// nodes after stmt too, which the scan of a predecessor checks.
	seen := map[*cfg.Block]bool{}
	work := []*cfg.Block{p.b}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == g.cfg.Blocks[0] {
			return false // reached the entry with v unknown
		}
		for _, pred := range g.predecessors(b) {
			if !pred.Live {
				continue // unreachable code (after a return)
			}
			if nilOnEdge(c.info, pred, b, v) {
				continue // this path tested v and found it nil
			}
			if len(pred.Succs) == 2 && nilTestOf(c.info, pred, v) != token.ILLEGAL {
				return false // the branch where v is not nil
			}
			if seen[pred] {
				continue
			}
			seen[pred] = true
			for _, n := range pred.Nodes {
				if assignsV(n) {
					return false
				}
			}
			work = append(work, pred)
		}
	}
	return true
}

// nilTestOf returns how the condition ending block b compares v with nil.
func nilTestOf(info *types.Info, b *cfg.Block, v *types.Var) token.Token {
	if len(b.Nodes) == 0 || len(b.Succs) != 2 {
		return token.ILLEGAL
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return token.ILLEGAL
	}
	return nilTest(info, cond, v)
}

// nilOnEdge reports whether the edge from the conditional block pred to
// succ is taken only when v is nil.
func nilOnEdge(info *types.Info, pred, succ *cfg.Block, v *types.Var) bool {
	switch nilTestOf(info, pred, v) {
	case token.EQL: // v == nil: nil on the true edge
		return pred.Succs[0] == succ && pred.Succs[1] != succ
	case token.NEQ: // v != nil: nil on the false edge
		return pred.Succs[1] == succ && pred.Succs[0] != succ
	}
	return false
}
