package pii

import (
	"go/ast"
	"go/token"
	"go/types"
)

// nilGuard is an if statement that leaves the function when a variable is
// not nil (if err != nil { return err }): after it, in the rest of its
// block, the variable is nil until it is assigned again.
type nilGuard struct {
	cond token.Pos // where the condition starts
	end  token.Pos // where the if statement ends
	home span      // the block whose statement list holds the if statement
}

// recordNilGuard records ifs when it is a nil guard of a local variable.
func (c *checker) recordNilGuard(ifs *ast.IfStmt, stack []ast.Node) {
	if ifs.Else != nil || len(ifs.Body.List) == 0 || !c.terminates(ifs.Body.List[len(ifs.Body.List)-1]) {
		return
	}
	v := c.nilTested(ifs.Cond)
	if v == nil || len(stack) < 2 {
		return
	}
	var home span
	switch b := stack[len(stack)-2].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		home = span{b.Pos(), b.End()}
	default:
		return
	}
	c.guards[v] = append(c.guards[v], nilGuard{cond: ifs.Cond.Pos(), end: ifs.End(), home: home})
}

// nilTested returns the local variable v of a condition "v != nil", or of
// a disjunction one of whose terms is (if err != nil || resp == nil): when
// the condition is false, v is nil.
func (c *checker) nilTested(cond ast.Expr) *types.Var {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch bin.Op {
	case token.LOR:
		if v := c.nilTested(bin.X); v != nil {
			return v
		}
		return c.nilTested(bin.Y)
	case token.NEQ:
		x, y := bin.X, bin.Y
		if c.isNil(x) {
			x, y = y, x
		}
		if !c.isNil(y) {
			return nil
		}
		return c.localVar(x)
	}
	return nil
}

func (c *checker) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := c.info.Uses[id].(*types.Nil)
	return isNil
}

// nilAtUse reports whether the value that assignment r gives v is known to
// be nil at use: a nil guard of v follows r in r's block, before the use,
// and the block holds the use. Any path from r to the use passes the guard,
// which leaves the function unless v is nil.
//
//	resp, err := fetch(ctx)
//	if err != nil {
//		return err
//	}
//	...
//	logger.Error("retry", zap.Error(err)) // err is nil here
func (c *checker) nilAtUse(v *types.Var, r rhs, use token.Pos) bool {
	if !use.IsValid() {
		return false
	}
	for _, g := range c.guards[v] {
		if g.home == r.home && r.pos < g.cond && g.end <= use && g.home.contains(use) {
			return true
		}
	}
	return false
}
