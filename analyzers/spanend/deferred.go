package spanend

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// deferredFailure decides for a RecordError inside a deferred function
// literal: the error it records is the failure of the function that defers
// it when it is that function's named error result (or a variable that
// function returns), or, for a function without an error result, the error
// it gives up on (if err != nil { ...; return }); and some path of the
// literal from the call reaches its end without setting the status.
func (c *checker) deferredFailure(fi *funcInfo, g *graph, stmt ast.Node, key spanKey, rec recordedErr) (failure, bool) {
	parent := fi.deferredIn
	if rec.root == nil {
		return failure{}, false
	}
	what := fmt.Sprintf("the error that %s returns", funcLabel(parent.node))
	if !c.returnedBy(parent, rec.root) {
		// A function without an error result (an HTTP handler) that
		// gives up on the error it later records: if err != nil { ...;
		// return }.
		sig := funcSig(c.info, parent.node)
		if sig == nil || len(errorResults(sig)) > 0 {
			return failure{}, false
		}
		ret := c.givesUpOn(parent, rec.root)
		if ret == nil {
			return failure{}, false
		}
		what = fmt.Sprintf("the error on which %s gives up at line %d", funcLabel(parent.node), c.line(ret.Pos()))
	}
	sets := func(n ast.Node) bool { return c.setsStatus(n, key) }
	if !c.pathAvoids(g, stmt, true, sets) || !c.pathAvoids(g, stmt, false, sets) {
		return failure{}, false
	}
	every := !c.somePathSets(g, stmt, sets)
	return failure{what: what, every: every}, true
}

// givesUpOn returns the return statement of an if err != nil { ...; return }
// in fi's own body for the local error variable v, or nil.
func (c *checker) givesUpOn(fi *funcInfo, v *types.Var) *ast.ReturnStmt {
	if v.Pos() < fi.typ.Pos() || v.Pos() > fi.body.End() {
		return nil
	}
	var ret *ast.ReturnStmt
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if ret != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if nilTest(c.info, n.Cond, v) == token.NEQ && len(n.Body.List) > 0 {
				if r, ok := n.Body.List[len(n.Body.List)-1].(*ast.ReturnStmt); ok {
					ret = r
				}
			}
		}
		return true
	})
	return ret
}

// somePathSets reports whether some path leaving n passes a node for which
// stop is true.
func (c *checker) somePathSets(g *graph, n ast.Node, stop func(ast.Node) bool) bool {
	found := false
	c.forEachNodeAfter(g, n, func(x ast.Node) bool {
		if stop(x) {
			found = true
			return false
		}
		return !found
	})
	return found
}

// returnedBy reports whether v is a named error result of fi, or a local
// error variable of fi that one of fi's return statements reads.
func (c *checker) returnedBy(fi *funcInfo, v *types.Var) bool {
	for _, r := range namedErrorResults(c.info, fi) {
		if r == v {
			return true
		}
	}
	if !isError(v.Type()) || v.Pos() < fi.typ.Pos() || v.Pos() > fi.body.End() {
		return false
	}
	return c.returnsVar(fi, v)
}

// deferSetsStatusOnFailure reports whether the deferred call d sets the
// span's Error status when the function fails: a SetStatus or helper call
// deferred directly, or a deferred function literal that reaches a SetStatus
// on every path on which the function's error (its named error results, or
// the recorded error variable it captures) is not nil.
func (c *checker) deferSetsStatusOnFailure(fi *funcInfo, d *ast.DeferStmt, key spanKey, rec recordedErr) bool {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok {
		return c.setsStatus(d.Call, key)
	}
	failing := namedErrorResults(c.info, fi)
	if rec.root != nil {
		failing = append(failing, rec.root)
	}
	g := c.graphOf(lit.Body)
	if len(g.cfg.Blocks) == 0 {
		return false
	}
	work := []*cfg.Block{g.cfg.Blocks[0]}
	seen := map[*cfg.Block]bool{g.cfg.Blocks[0]: true}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		set := false
		for _, n := range b.Nodes {
			if c.setsStatus(n, key) {
				set = true
				break
			}
		}
		if set {
			continue
		}
		if b.Return() != nil {
			return false // the deferred function returns without setting it
		}
		succs := b.Succs
		if len(succs) == 2 {
			for _, v := range failing {
				switch nilTestOf(c.info, b, v) {
				case token.NEQ: // err != nil: the failing path is the true one
					succs = succs[:1]
				case token.EQL:
					succs = succs[1:]
				}
				if len(succs) == 1 {
					break
				}
			}
		}
		for _, s := range succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return true
}
