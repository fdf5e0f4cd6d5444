package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// graph is the control-flow graph of one body, with an index from each node
// to its place.
type graph struct {
	body  *ast.BlockStmt
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
	g := &graph{body: body, cfg: c.flow.CFG(body), where: map[ast.Node]place{}}
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
	leakReturn  leakKind = iota // reaches a return statement
	leakFuncEnd                 // reaches the closing brace of the function
	leakLoop                    // comes back to the start in the next loop iteration
	leakPartial                 // only a deferred function that ends it on some paths
	leakGuarded                 // an exit where the flag guarding the deferred End is not true
)

type leak struct {
	kind leakKind
	pos  token.Pos // the return, closing brace, deferred statement or new start
	call *ast.CallExpr
	// deferAt and flag are, for leakGuarded, the deferred function and the
	// flag under which it ends the span.
	deferAt token.Pos
	flag    string
	flagOn  bool
}

// leakQuery asks whether a span variable leaks on some path.
type leakQuery struct {
	g    *graph
	body *ast.BlockStmt
	// start is the node that starts the span; nil searches from the entry
	// (a deferred closure that must end the span on every path).
	start ast.Node
	v     *types.Var
	// errVar is the error a start function returned with the span: on a
	// branch where it is not nil the span is taken to be nil (a wrapper
	// that fails hands back no span), so there is nothing to end.
	errVar *types.Var
	// ctxVar is the context returned with the span: trace.SpanFromContext(ctx).End()
	// ends the span too.
	ctxVar *types.Var
	// namedResult says v is a named result: a bare return hands it over.
	namedResult bool
	// assume holds the conditions of the if statements the start is in,
	// with the branch taken: the same condition later takes the same
	// branch (var span; if tracing { start }; ...; if tracing { end }).
	assume []assumption
	// onOverwrite, when not nil, receives the span starts that overwrite v
	// on a path while it is open; each stops only its own path.
	onOverwrite func(*ast.CallExpr)
	// onDeferByRef, when not nil, receives the nodes deferring a closure
	// that ends v: it ends the span v holds when the function returns.
	onDeferByRef func(n ast.Node, lit ast.Node)
}

// assumption is a condition known to hold (or not) on every path from the
// start.
type assumption struct {
	cond  ast.Expr
	holds bool
}

// findLeak searches the paths that leave q.start for one on which the span
// in q.v is neither ended nor handed on before the function returns, the
// loop comes back to start, or the variable is overwritten by another start.
// Paths that end in a call that never returns (panic, os.Exit, log.Fatal, a
// same-package function that always does) end legitimately.
func (c *checker) findLeak(q leakQuery) *leak {
	type item struct {
		b     *cfg.Block
		from  int
		flags flags
		// guarded is a deferred function passed on this path that ends
		// the span when its guard flag is true at the exit.
		guarded *effect
	}
	g := q.g
	fl := c.flagInfoOf(q.body)
	var work []item
	if q.start == nil {
		if len(g.cfg.Blocks) == 0 {
			return nil
		}
		work = append(work, item{g.cfg.Blocks[0], 0, nil, nil})
	} else {
		p, ok := g.where[q.start]
		if !ok {
			return nil
		}
		work = append(work, item{p.b, p.i + 1, c.stepFlags(fl, q.start, nil), nil})
	}
	type visit struct {
		b       *cfg.Block
		flags   string
		guarded *effect
	}
	seen := map[visit]bool{}
	var partial *leak
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		b := it.b
		f := it.flags
		guarded := it.guarded
		stopped := false
		for i := it.from; i < len(b.Nodes) && !stopped; i++ {
			n := b.Nodes[i]
			if n == q.start {
				return &leak{kind: leakLoop, pos: q.start.Pos()}
			}
			f = c.stepFlags(fl, n, f)
			e := c.effectOf(n, q.v, q.namedResult)
			if q.ctxVar != nil && !e.kind.handled() {
				e = merge(e, c.endsFromContext(n, q.ctxVar))
			}
			switch {
			case e.kind.handled():
				if e.byRef && q.onDeferByRef != nil {
					q.onDeferByRef(n, e.at)
				}
				stopped = true
			case e.kind == effPartialDefer && e.guard != nil && fl.tracked[e.guard] && guarded == nil:
				// It ends the span if the flag holds at the exit:
				// follow the flag to each exit.
				guarded = &e
			case e.kind == effPartialDefer:
				if partial == nil && e.at != nil {
					partial = &leak{kind: leakPartial, pos: e.at.Pos()}
				}
				stopped = true
			case e.kind == effReassign:
				if e.restart != nil && q.onOverwrite != nil {
					q.onOverwrite(e.restart)
				}
				stopped = true
			}
		}
		if stopped {
			continue
		}
		if len(b.Succs) == 0 {
			l := c.exitLeak(b, q.body)
			if l != nil && guarded != nil {
				if val, known := f[guarded.guard]; !known || val != guarded.guardOn {
					// The deferred function skips End here.
					return &leak{kind: leakGuarded, pos: l.pos, deferAt: guarded.at.Pos(), flag: guarded.guard.Name(), flagOn: guarded.guardOn}
				}
				continue
			}
			if l != nil {
				return l
			}
			continue
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				succs = c.feasible(cond, succs, q)
				succs = c.feasibleByFlags(cond, succs, f)
			}
		}
		for i := len(succs) - 1; i >= 0; i-- {
			s := succs[i]
			k := visit{s, f.key(), guarded}
			if !seen[k] {
				seen[k] = true
				work = append(work, item{s, 0, f, guarded})
			}
		}
	}
	return partial
}

// endsFromContext reports whether n ends the span of ctx with
// trace.SpanFromContext(ctx).End(), deferred or not.
func (c *checker) endsFromContext(n ast.Node, ctx *types.Var) effect {
	var res effect
	var stack []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := x.(*ast.FuncLit); ok {
			return false
		}
		stack = append(stack, x)
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "End" {
			return true
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := ast.Unparen(api.SpanFromContextArg(c.info, inner)).(*ast.Ident)
		if !ok || c.info.Uses[id] != ctx {
			return true
		}
		kind := effEnd
		if len(stack) >= 2 {
			if d, ok := stack[len(stack)-2].(*ast.DeferStmt); ok && d.Call == call {
				kind = effDeferEnd
			}
		}
		res = merge(res, effect{kind: kind})
		return true
	})
	return res
}

// feasible returns the successors of a conditional block (true first) that
// can hold an open span.
func (c *checker) feasible(cond ast.Expr, succs []*cfg.Block, q leakQuery) []*cfg.Block {
	switch nilTest(c.info, cond, q.v) {
	case token.NEQ: // span != nil: nothing to end when false
		return succs[:1]
	case token.EQL: // span == nil: nothing to end when true
		return succs[1:]
	}
	if holds, ok := c.isRecordingTest(cond, q.v); ok {
		// A span that does not record needs no End: the SDK keeps nothing.
		if holds {
			return succs[:1]
		}
		return succs[1:]
	}
	if q.errVar != nil {
		switch nilTest(c.info, cond, q.errVar) {
		case token.NEQ: // err != nil: no span when true
			return succs[1:]
		case token.EQL: // err == nil: no span when false
			return succs[:1]
		}
	}
	for _, a := range q.assume {
		holds, ok := c.sameCond(cond, a.cond)
		if !ok {
			continue
		}
		if holds == a.holds {
			return succs[:1]
		}
		return succs[1:]
	}
	return succs
}

// isRecordingTest reports whether cond is v.IsRecording() (holds) or
// !v.IsRecording() (!holds).
func (c *checker) isRecordingTest(cond ast.Expr, v *types.Var) (holds, ok bool) {
	cond = ast.Unparen(cond)
	if u, isNot := cond.(*ast.UnaryExpr); isNot && u.Op == token.NOT {
		h, ok := c.isRecordingTest(u.X, v)
		return !h, ok
	}
	call, isCall := cond.(*ast.CallExpr)
	if !isCall {
		return false, false
	}
	recv, method, isSpan := api.SpanMethodCall(c.info, call)
	if !isSpan || method != "IsRecording" {
		return false, false
	}
	id, isIdent := ast.Unparen(recv).(*ast.Ident)
	return true, isIdent && c.info.Uses[id] == v
}

// sameCond reports whether x is the condition y (holds) or its negation
// (!holds): both built from the same variables and fields, nil and
// constants.
func (c *checker) sameCond(x, y ast.Expr) (holds, ok bool) {
	x, y = ast.Unparen(x), ast.Unparen(y)
	if u, isNot := x.(*ast.UnaryExpr); isNot && u.Op == token.NOT {
		h, ok := c.sameCond(u.X, y)
		return !h, ok
	}
	if u, isNot := y.(*ast.UnaryExpr); isNot && u.Op == token.NOT {
		h, ok := c.sameCond(x, u.X)
		return !h, ok
	}
	return true, c.sameExpr(x, y)
}

// sameExpr reports whether x and y are the same side-effect-free
// expression: identifiers denoting the same object, selections of the same
// field, comparisons of such, and constants.
func (c *checker) sameExpr(x, y ast.Expr) bool {
	x, y = ast.Unparen(x), ast.Unparen(y)
	if tx, ok := c.info.Types[x]; ok && tx.Value != nil {
		ty, ok := c.info.Types[y]
		return ok && ty.Value != nil && tx.Value.ExactString() == ty.Value.ExactString()
	}
	switch x := x.(type) {
	case *ast.Ident:
		y, ok := y.(*ast.Ident)
		return ok && c.info.Uses[x] != nil && c.info.Uses[x] == c.info.Uses[y]
	case *ast.SelectorExpr:
		y, ok := y.(*ast.SelectorExpr)
		if !ok || c.info.Uses[x.Sel] == nil || c.info.Uses[x.Sel] != c.info.Uses[y.Sel] {
			return false
		}
		if _, isVar := c.info.Uses[x.Sel].(*types.Var); !isVar {
			return false // a method value or package function: not a plain read
		}
		return c.sameExpr(x.X, y.X)
	case *ast.BinaryExpr:
		y, ok := y.(*ast.BinaryExpr)
		return ok && x.Op == y.Op && x.Op != token.LAND && x.Op != token.LOR &&
			c.sameExpr(x.X, y.X) && c.sameExpr(x.Y, y.Y)
	}
	return false
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
		b     *cfg.Block
		from  int
		flags flags
	}
	fl := c.flagInfoOf(g.body)
	work := []item{{p.b, p.i + 1, nil}}
	type visitKey struct {
		b     *cfg.Block
		flags string
	}
	seen := map[visitKey]bool{}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		f := it.flags
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
			f = c.stepFlags(fl, x, f)
		}
		if stopped {
			continue
		}
		succs := it.b.Succs
		if len(succs) == 2 && len(it.b.Nodes) > 0 {
			if cond, ok := it.b.Nodes[len(it.b.Nodes)-1].(ast.Expr); ok {
				succs = c.feasibleByFlags(cond, succs, f)
			}
		}
		for _, s := range succs {
			k := visitKey{s, f.key()}
			if !seen[k] {
				seen[k] = true
				work = append(work, item{s, 0, f})
			}
		}
	}
}
