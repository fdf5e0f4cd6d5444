package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// graph is the control-flow graph of one body, with an index from each node
// to its place.
type graph struct {
	cfg   *cfg.CFG
	where map[ast.Node]place
	preds map[*cfg.Block][]*cfg.Block
}

type place struct {
	b *cfg.Block
	i int
}

func (c *checker) graphOf(body *ast.BlockStmt) *graph {
	if fi, ok := c.bodies[body]; ok {
		return fi
	}
	g := &graph{cfg: c.flow.CFG(body), where: map[ast.Node]place{}}
	for _, b := range g.cfg.Blocks {
		for i, n := range b.Nodes {
			g.where[n] = place{b, i}
		}
	}
	c.bodies[body] = g
	return g
}

// predecessors returns the blocks that jump to b.
func (g *graph) predecessors(b *cfg.Block) []*cfg.Block {
	if g.preds == nil {
		g.preds = map[*cfg.Block][]*cfg.Block{}
		for _, x := range g.cfg.Blocks {
			for _, s := range x.Succs {
				g.preds[s] = append(g.preds[s], x)
			}
		}
	}
	return g.preds[b]
}

// leakKind says how a path leaks a span.
type leakKind int

const (
	leakReturn    leakKind = iota // reaches a return statement
	leakFuncEnd                   // reaches the closing brace of the function
	leakLoop                      // comes back to the start in the next loop iteration
	leakPartial                   // only a deferred function that ends it on some paths
	leakOverwrite                 // a new span start is assigned to the variable
)

type leak struct {
	kind leakKind
	pos  token.Pos // the return, closing brace, deferred statement or new start
	call *ast.CallExpr
}

// findLeak searches the paths that leave the node start of g (or the entry
// when start is nil) for one on which the span in v is neither ended nor
// handed on before the function returns, the loop comes back to start, or
// the variable is overwritten by another start. Paths that end in a call that
// never returns (panic, os.Exit, log.Fatal, a same-package function that
// always does) end legitimately. Overwrites found on the way are passed to
// onOverwrite (when not nil) and stop only their own path.
//
// errVar, when not nil, is the error a start function returned with the
// span: on a branch where it is not nil the span is taken to be nil (a
// wrapper that fails hands back no span), so there is nothing to end.
func (c *checker) findLeak(g *graph, body *ast.BlockStmt, start ast.Node, v, errVar *types.Var, namedResult bool, onOverwrite func(*ast.CallExpr)) *leak {
	type item struct {
		b    *cfg.Block
		from int
	}
	var work []item
	if start == nil {
		if len(g.cfg.Blocks) == 0 {
			return nil
		}
		work = append(work, item{g.cfg.Blocks[0], 0})
	} else {
		p, ok := g.where[start]
		if !ok {
			return nil
		}
		work = append(work, item{p.b, p.i + 1})
	}
	seen := map[*cfg.Block]bool{}
	var partial *leak
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		b := it.b
		stopped := false
		for i := it.from; i < len(b.Nodes) && !stopped; i++ {
			n := b.Nodes[i]
			if n == start {
				return &leak{kind: leakLoop, pos: start.Pos()}
			}
			e := c.effectOf(n, v, namedResult)
			switch {
			case e.kind.handled():
				stopped = true
			case e.kind == effPartialDefer:
				if partial == nil && e.at != nil {
					partial = &leak{kind: leakPartial, pos: e.at.Pos()}
				}
				stopped = true
			case e.kind == effReassign:
				if e.restart != nil && onOverwrite != nil {
					onOverwrite(e.restart)
				}
				stopped = true
			}
		}
		if stopped {
			continue
		}
		if len(b.Succs) == 0 {
			if l := c.exitLeak(b, body); l != nil {
				return l
			}
			continue
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				switch nilTest(c.info, cond, v) {
				case token.NEQ: // span != nil: nothing to end when false
					succs = succs[:1]
				case token.EQL: // span == nil: nothing to end when true
					succs = succs[1:]
				}
				if errVar != nil {
					switch nilTest(c.info, cond, errVar) {
					case token.NEQ: // err != nil: no span when true
						succs = succs[1:]
					case token.EQL: // err == nil: no span when false
						succs = succs[:1]
					}
				}
			}
		}
		for i := len(succs) - 1; i >= 0; i-- {
			s := succs[i]
			if !seen[s] {
				seen[s] = true
				work = append(work, item{s, 0})
			}
		}
	}
	return partial
}

// exitLeak classifies a block without successors that the search reached
// without the span being ended. Only a return leaks (go/cfg makes the
// fall-through at the closing brace an explicit return); other dead ends are
// calls that never return (panic, os.Exit, log.Fatal, ...) and the
// impossible "no case ready" exit go/cfg gives a select without default.
func (c *checker) exitLeak(b *cfg.Block, body *ast.BlockStmt) *leak {
	ret := b.Return()
	if ret == nil {
		return nil
	}
	if ret.Return == body.Rbrace && len(ret.Results) == 0 {
		return &leak{kind: leakFuncEnd, pos: body.Rbrace}
	}
	return &leak{kind: leakReturn, pos: ret.Pos()}
}

// nilTest reports whether cond compares v with nil, and how.
func nilTest(info *types.Info, cond ast.Expr, v *types.Var) token.Token {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
		return token.ILLEGAL
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	isNil := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		_, isNil := info.Uses[id].(*types.Nil)
		return isNil
	}
	if (isV(be.X) && isNil(be.Y)) || (isNil(be.X) && isV(be.Y)) {
		return be.Op
	}
	return token.ILLEGAL
}

// pathAvoids reports whether some path from node n of g reaches an exit of
// the function (forward) or its entry (backward) without passing a node for
// which stop is true.
func (c *checker) pathAvoids(g *graph, n ast.Node, forward bool, stop func(ast.Node) bool) bool {
	p, ok := g.where[n]
	if !ok {
		return false
	}
	// The nodes of n's own block on the side searched.
	if forward {
		for _, x := range p.b.Nodes[p.i+1:] {
			if stop(x) {
				return false
			}
		}
	} else {
		for _, x := range p.b.Nodes[:p.i] {
			if stop(x) {
				return false
			}
		}
	}
	next := func(b *cfg.Block) []*cfg.Block {
		if forward {
			return b.Succs
		}
		return g.predecessors(b)
	}
	isEnd := func(b *cfg.Block) bool {
		if forward {
			return b.Return() != nil
		}
		return b == g.cfg.Blocks[0]
	}
	if isEnd(p.b) {
		return true
	}
	seen := map[*cfg.Block]bool{p.b: true}
	work := append([]*cfg.Block(nil), next(p.b)...)
	for _, b := range work {
		seen[b] = true
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		blocked := false
		for _, x := range b.Nodes {
			if stop(x) {
				blocked = true
				break
			}
		}
		if blocked {
			continue
		}
		if isEnd(b) {
			return true
		}
		for _, s := range next(b) {
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false
}

// forEachNodeAfter calls visit for every node on a path leaving node n of g, in
// path order, until visit returns false for that path.
func (c *checker) forEachNodeAfter(g *graph, n ast.Node, visit func(ast.Node) bool) {
	p, ok := g.where[n]
	if !ok {
		return
	}
	type item struct {
		b    *cfg.Block
		from int
	}
	work := []item{{p.b, p.i + 1}}
	seen := map[*cfg.Block]bool{}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		nodes := it.b.Nodes[it.from:]
		if rs, ok := it.b.Stmt.(*ast.RangeStmt); ok && it.b.Kind == cfg.KindRangeLoop && it.from == 0 {
			// go/cfg evaluates the key and value once, before the loop;
			// they are assigned again on every iteration.
			var kv []ast.Node
			for _, e := range []ast.Expr{rs.Key, rs.Value} {
				if e != nil {
					kv = append(kv, e)
				}
			}
			nodes = append(kv, nodes...)
		}
		stopped := false
		for _, x := range nodes {
			if !visit(x) {
				stopped = true
				break
			}
		}
		if stopped {
			continue
		}
		for _, s := range it.b.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, item{s, 0})
			}
		}
	}
}
