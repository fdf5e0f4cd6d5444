package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// checkLoopSpan is the loop-span check: a child span started on every
// iteration of a loop whose trip count grows with the data, in a function
// that already has a span of its own.
const checkLoopSpan = "loop-span"

// checkLoopSpans reports the span starts of fi that run once per item of a
// data-sized loop under a span fi started before the loop.
func (c *checker) checkLoopSpans(fi *funcInfo) {
	if !c.r.Enabled(checkLoopSpan) {
		return
	}
	for _, s := range fi.starts {
		if !s.inLoop {
			continue
		}
		loop := innermostLoop(fi.body, s.Call)
		if loop == nil || !c.tracedBefore(fi, loop) {
			continue
		}
		what, ok := c.dataSized(fi, loop)
		if !ok || c.startsOwnTrace(s.SpanStart, loopBody(loop)) || handsItemsOff(loop) || c.childWrapsCalls(s, loopBody(loop)) {
			continue
		}
		c.r.Reportf(checkLoopSpan, s.Call, "%s is started on every iteration of this loop over %s inside a function that already has a span: one request produces a span per item; start one span around the loop and record the item count as an attribute, or add an event per item",
			c.spanLabel(s.SpanStart), what)
	}
}

// innermostLoop returns the innermost for or range statement of body (not
// crossing into function literals) whose body holds n, or nil.
func innermostLoop(body *ast.BlockStmt, n ast.Node) ast.Stmt {
	var best ast.Stmt
	ast.Inspect(body, func(x ast.Node) bool {
		if x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if x.Body.Pos() <= n.Pos() && n.End() <= x.Body.End() {
				best = x
			}
		case *ast.RangeStmt:
			if x.Body.Pos() <= n.Pos() && n.End() <= x.Body.End() {
				best = x
			}
		}
		return true
	})
	return best
}

func loopBody(loop ast.Stmt) *ast.BlockStmt {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}

// tracedBefore reports whether fi starts a span before loop and outside
// it: the function is traced, and the loop's spans are its children.
func (c *checker) tracedBefore(fi *funcInfo, loop ast.Stmt) bool {
	for _, s := range fi.starts {
		if s.Call.Pos() < loop.Pos() && !s.inLoop {
			return true
		}
	}
	return false
}

// dataSized reports whether loop runs once per item of data whose size the
// function does not fix, and describes the data: a range over a parameter,
// a query or decode result, a channel or an iterator function; a for loop
// driven by an iterator method (rows.Next(), scanner.Scan()) or bounded by
// the length of such data. Loops over arrays, literals, constants, the
// receiver's own fields (a configured set of backends) and endless for
// loops (a worker's receive loop) are not.
func (c *checker) dataSized(fi *funcInfo, loop ast.Stmt) (string, bool) {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		t := api.TypeOf(c.info, l.X)
		if t == nil {
			return "", false
		}
		switch u := t.Underlying().(type) {
		case *types.Array:
			return "", false
		case *types.Pointer:
			return "", false // a pointer to an array
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				if c.info.Types[l.X].Value != nil {
					return "", false
				}
				return types.ExprString(l.X), c.fromData(fi, l.X)
			}
			return "", false
		case *types.Chan:
			return "the channel " + types.ExprString(l.X), true
		case *types.Signature:
			return "the iterator " + types.ExprString(l.X), true
		case *types.Slice, *types.Map:
			if isBatch(u) {
				return "", false
			}
			return types.ExprString(l.X), c.fromData(fi, l.X)
		}
	case *ast.ForStmt:
		switch cond := ast.Unparen(l.Cond).(type) {
		case *ast.CallExpr:
			if api.Receiver(c.info, cond) != nil && len(cond.Args) <= 1 {
				return types.ExprString(cond.Fun), true
			}
		case *ast.BinaryExpr:
			if cond.Op != token.LSS && cond.Op != token.LEQ {
				return "", false
			}
			bound := ast.Unparen(cond.Y)
			if c.info.Types[bound].Value != nil {
				return "", false
			}
			if call, ok := bound.(*ast.CallExpr); ok && isBuiltinLen(c.info, call) && len(call.Args) == 1 {
				if t := api.TypeOf(c.info, call.Args[0]); t != nil {
					if _, arr := t.Underlying().(*types.Array); arr {
						return "", false
					}
				}
				return types.ExprString(call.Args[0]), c.fromData(fi, call.Args[0])
			}
			return types.ExprString(bound), c.fromData(fi, bound)
		}
	}
	return "", false
}

// isBatch reports whether a collection's elements are themselves
// collections: a loop over batches makes one span per batch, which is how
// batching keeps the span count down.
func isBatch(t types.Type) bool {
	var elem types.Type
	switch u := t.(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	}
	if elem == nil {
		return false
	}
	switch elem.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}

func isBuiltinLen(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "len"
}

// fromData reports whether e comes from the data the function is given or
// fetches: a parameter other than the receiver (or a field or element of
// one), the result of a call (a query, a decode), or a local variable
// assigned one of those (or appended to). The receiver's fields, package
// variables and literals are configuration or fixed tables.
func (c *checker) fromData(fi *funcInfo, e ast.Expr) bool {
	return c.fromDataDepth(fi, e, 0)
}

func (c *checker) fromDataDepth(fi *funcInfo, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if isBuiltinLen(c.info, x) && len(x.Args) == 1 {
			return c.fromDataDepth(fi, x.Args[0], depth+1)
		}
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() {
			return len(x.Args) == 1 && c.fromDataDepth(fi, x.Args[0], depth+1) // a conversion
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if _, builtin := c.info.Uses[id].(*types.Builtin); builtin {
				return false // make, new, ...
			}
		}
		if recv := api.Receiver(c.info, x); recv != nil && len(x.Args) == 0 && c.isReceiver(fi, recv) {
			return false // a getter of the receiver's configuration
		}
		return true
	case *ast.SelectorExpr:
		if _, ok := c.info.Selections[x]; ok {
			return c.fromDataDepth(fi, x.X, depth+1)
		}
		return false // a package-level variable
	case *ast.IndexExpr:
		return c.fromDataDepth(fi, x.X, depth+1)
	case *ast.StarExpr:
		return c.fromDataDepth(fi, x.X, depth+1)
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() {
			return false
		}
		if c.isReceiverVar(fi, v) {
			return false
		}
		if c.isParam(fi, v) {
			return true
		}
		return c.localFromData(fi, v, depth)
	}
	return false
}

// localFromData reports whether some assignment of the local variable v in
// fi's body gives it data (a call result, a parameter, an append).
func (c *checker) localFromData(fi *funcInfo, v *types.Var, depth int) bool {
	found := false
	check := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || c.info.ObjectOf(id) != v {
				continue
			}
			var r ast.Expr
			if len(rhs) == len(lhs) {
				r = rhs[i]
			} else if len(rhs) == 1 {
				r = rhs[0] // v, err := query(...)
			}
			if r == nil {
				continue
			}
			if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
						found = true
						continue
					}
				}
			}
			if c.fromDataDepth(fi, r, depth+1) {
				found = true
			}
		}
	}
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			check(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			check(lhs, n.Values)
		case *ast.RangeStmt:
			// for _, v := range data: v is an item of data
			for _, l := range []ast.Expr{n.Key, n.Value} {
				if id, ok := l.(*ast.Ident); ok && c.info.ObjectOf(id) == v && c.fromDataDepth(fi, n.X, depth+1) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func (c *checker) isReceiverVar(fi *funcInfo, v *types.Var) bool {
	fd, ok := fi.node.(*ast.FuncDecl)
	if !ok {
		fd = fi.outer
	}
	if fd == nil || fd.Recv == nil {
		return false
	}
	for _, f := range fd.Recv.List {
		for _, id := range f.Names {
			if c.info.Defs[id] == v {
				return true
			}
		}
	}
	return false
}

func (c *checker) isReceiver(fi *funcInfo, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && c.isReceiverVar(fi, v)
}

// startsOwnTrace reports whether the span of each iteration begins a trace
// of its own or only links to another: the start is given trace.WithNewRoot
// or trace.WithLinks, or the loop body builds a fresh context or extracts
// one from the message (a consumer continuing its producer's trace).
func (c *checker) startsOwnTrace(s api.SpanStart, body *ast.BlockStmt) bool {
	for _, a := range s.Call.Args {
		if call, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			switch api.CalleeName(c.info, call) {
			case api.TracePath + ".WithNewRoot", api.TracePath + ".WithLinks":
				return true
			}
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if _, fresh := api.IsFreshContext(c.info, call); fresh || api.IsPropagatorExtract(c.info, call) {
			found = true
		}
		switch api.CalleeName(c.info, call) {
		case api.TracePath + ".ContextWithRemoteSpanContext", api.TracePath + ".ContextWithSpanContext",
			api.TracePath + ".LinkFromContext", api.TracePath + ".WithNewRoot", api.TracePath + ".WithLinks":
			found = true
		}
		return !found
	})
	return found
}

// handsItemsOff reports whether the loop body hands its work to another
// goroutine (a go statement, a channel send): the span covers handing the
// item over, and the work is traced where it runs.
func handsItemsOff(loop ast.Stmt) bool {
	found := false
	ast.Inspect(loopBody(loop), func(n ast.Node) bool {
		switch n.(type) {
		case *ast.GoStmt, *ast.SendStmt:
			found = true
		}
		return !found
	})
	return found
}

// childWrapsCalls reports whether the iteration hands the child span, or
// any context, to a call (a query, an RPC, a helper): the span then times
// that call and parents what it traces, as a span per database query does. Only
// a span around the loop body's own in-line work (scanning a row,
// converting an item) is volume without information.
func (c *checker) childWrapsCalls(s *startSite, body *ast.BlockStmt) bool {
	var vars []types.Object
	for _, l := range []ast.Expr{s.spanLHS, s.ctxLHS} {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
			if obj := c.info.ObjectOf(id); obj != nil {
				vars = append(vars, obj)
			}
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || call == s.Call {
			return !found
		}
		for _, a := range call.Args {
			if api.IsContextLike(api.TypeOf(c.info, a)) {
				found = true // the iteration does I/O under some context
				break
			}
			ast.Inspect(a, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					for _, v := range vars {
						if c.info.Uses[id] == v {
							found = true
						}
					}
				}
				return !found
			})
		}
		return !found
	})
	return found
}
