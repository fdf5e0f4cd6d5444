package spanend

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// failure is the evidence that an error recorded on a span is the failure of
// the span's operation: the function returns it (or an error wrapping it),
// a function without an error result gives up on it, or a deferred function
// records the error its function returns.
type failure struct {
	what string // for the message: "an error that is returned at line 52"
	// every says that every path from the RecordError fails without a
	// status, so adding SetStatus right after it changes nothing else the
	// author chose.
	every bool
}

// failureOf looks for the evidence that the error rec, recorded on the span
// key at stmt, fails the span's operation on a path that never sets the
// span's Error status. own says the span was started by fi itself.
func (c *checker) failureOf(fi *funcInfo, stmt *ast.ExprStmt, key spanKey, rec recordedErr, own bool) (failure, bool) {
	g := c.graphOf(fi.body)
	if fi.deferredIn != nil {
		return c.deferredFailure(fi, g, stmt, key, rec)
	}
	if !c.pathAvoids(g, stmt, false, func(n ast.Node) bool { return c.statusSetBy(fi, n, key, rec) }) {
		return failure{}, false // every path to the call has set the status already
	}
	sig := funcSig(c.info, fi.node)
	if sig == nil {
		return failure{}, false
	}
	if len(errorResults(sig)) > 0 {
		if f, ok := c.returnedFailure(fi, g, stmt, key, rec, sig); ok {
			return f, true
		}
		// A span of one loop iteration in a function that returns an
		// error (a ticker loop returning only when stopped): the
		// iteration gives up when its span ends with the error.
		if own && c.startedInLoop(fi, key.root) {
			return c.givenUpFailure(fi, g, stmt, key, rec, false)
		}
		if at, ok := c.errorTypeSetNear(fi, stmt, key); ok {
			sets := func(n ast.Node) bool { return c.statusSetBy(fi, n, key, rec) }
			if !c.pathAvoids(g, stmt, true, sets) {
				return failure{}, false // the status is set after the error is recorded
			}
			return failure{what: fmt.Sprintf("a failure the span is tagged with error.type for at line %d", c.line(at)), every: !c.setsStatusAfter(fi, stmt, sets)}, true
		}
		return failure{}, false
	}
	if own {
		return c.givenUpFailure(fi, g, stmt, key, rec, true)
	}
	return failure{}, false
}

// startedInLoop reports whether fi starts the span variable v in a loop
// body.
func (c *checker) startedInLoop(fi *funcInfo, v types.Object) bool {
	for _, s := range fi.starts {
		if s.inLoop && s.spanLHS != nil && localVar(c.info, s.spanLHS, fi) == v {
			return true
		}
	}
	return false
}

// statusSetBy reports whether node n of fi sets the span's Error status for
// the failure of rec: a SetStatus call (or a helper given the span) run
// there, or a deferred function that does so when the function fails.
func (c *checker) statusSetBy(fi *funcInfo, n ast.Node, key spanKey, rec recordedErr) bool {
	if d, ok := n.(*ast.DeferStmt); ok {
		return c.deferSetsStatusOnFailure(fi, d, key, rec)
	}
	return c.setsStatus(n, key)
}

// returnedFailure follows the paths leaving stmt in a function with an error
// result: a return statement whose error result reads the recorded error
// (err, fmt.Errorf("...: %w", err), a variable it was copied into) is the
// evidence. A path that sets the status, replaces the error, returns
// something else (return nil: the error was handled) or never returns shows
// nothing.
func (c *checker) returnedFailure(fi *funcInfo, g *graph, stmt ast.Node, key spanKey, rec recordedErr, sig *types.Signature) (failure, bool) {
	p, ok := g.where[stmt]
	if !ok {
		return failure{}, false
	}
	type item struct {
		b        *cfg.Block
		from     int
		carriers map[*types.Var]bool
	}
	start := c.initialCarriers(rec)
	named := namedErrorResults(c.info, fi)
	var found *ast.ReturnStmt
	every := true
	work := []item{{p.b, p.i + 1, start}}
	seen := map[*cfg.Block]bool{}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		carriers := it.carriers
		stopped := false
		for _, n := range it.b.Nodes[it.from:] {
			if c.statusSetBy(fi, n, key, rec) {
				stopped = true
				break
			}
			if ret, ok := n.(*ast.ReturnStmt); ok {
				if c.returnsRecorded(ret, sig, rec, carriers, named) {
					if found == nil {
						found = ret
					}
				} else {
					every = false
				}
				stopped = true
				break
			}
			var alive bool
			carriers, alive = c.flowCarriers(n, rec, carriers)
			if !alive {
				every = false
				stopped = true
				break
			}
		}
		if stopped {
			continue
		}
		if len(it.b.Succs) == 0 {
			every = false // a call that never returns
			continue
		}
		for _, s := range it.b.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, item{s, 0, carriers})
			}
		}
	}
	if found == nil {
		return failure{}, false
	}
	return failure{what: fmt.Sprintf("an error that is returned at line %d", c.line(found.Pos())), every: every}, true
}

// initialCarriers returns the variables that hold the recorded error where
// it is recorded: err itself, or the errors a recorded expression wraps
// (span.RecordError(fmt.Errorf("charge: %w", err))).
func (c *checker) initialCarriers(rec recordedErr) map[*types.Var]bool {
	start := map[*types.Var]bool{}
	switch rec.expr.(type) {
	case *ast.Ident:
		if rec.root != nil {
			start[rec.root] = true
		}
	case *ast.CallExpr:
		ast.Inspect(rec.expr, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && isError(v.Type()) && !v.IsField() && (v.Pkg() == nil || v.Parent() != v.Pkg().Scope()) {
					start[v] = true
				}
			}
			return true
		})
	}
	return start
}

// flowCarriers updates the set of variables holding the recorded error
// after node n: an assignment copying or wrapping it adds its left-hand
// side, one replacing it removes the variable. alive is false when nothing
// holds the recorded error any more.
func (c *checker) flowCarriers(n ast.Node, rec recordedErr, carriers map[*types.Var]bool) (out map[*types.Var]bool, alive bool) {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		if rec.root != nil {
			if _, isSel := rec.expr.(*ast.SelectorExpr); isSel && lint.AssignsVar(c.info, n, rec.root) {
				return carriers, false // res = next(): res.err is another error now
			}
		}
		return carriers, true
	}
	out = carriers
	copied := false
	for i, l := range as.Lhs {
		v := c.assignedVar(l)
		if v == nil {
			continue
		}
		var rhs ast.Expr
		if len(as.Rhs) == len(as.Lhs) {
			rhs = as.Rhs[i]
		} else if len(as.Rhs) == 1 {
			rhs = as.Rhs[0]
		}
		carries := rhs != nil && isError(v.Type()) && c.mentions(rhs, rec, carriers)
		if carries == carriers[v] && v != rec.root {
			continue
		}
		if !copied {
			out = make(map[*types.Var]bool, len(carriers)+1)
			for k, x := range carriers {
				out[k] = x
			}
			copied = true
		}
		switch {
		case carries:
			out[v] = true
		case v == rec.root:
			if _, isSel := rec.expr.(*ast.SelectorExpr); isSel {
				return out, false
			}
			delete(out, v)
		default:
			delete(out, v)
		}
	}
	if _, isSel := rec.expr.(*ast.SelectorExpr); isSel {
		return out, true
	}
	return out, len(out) > 0
}

// assignedVar returns the variable an assignment's left-hand side sets.
func (c *checker) assignedVar(l ast.Expr) *types.Var {
	id, ok := ast.Unparen(l).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

// returnsRecorded reports whether ret returns the recorded error as the
// function's failure: an error result reading it, or a bare return of a
// named error result that holds it.
func (c *checker) returnsRecorded(ret *ast.ReturnStmt, sig *types.Signature, rec recordedErr, carriers map[*types.Var]bool, named []*types.Var) bool {
	if len(ret.Results) == 0 {
		for _, v := range named {
			if carriers[v] {
				return true
			}
		}
		return false
	}
	if len(ret.Results) == 1 && sig.Results().Len() > 1 {
		return c.mentions(ret.Results[0], rec, carriers) // return handle(err)
	}
	for _, i := range errorResults(sig) {
		if i < len(ret.Results) && !api.IsNil(c.info, ret.Results[i]) && c.mentions(ret.Results[i], rec, carriers) {
			return true
		}
	}
	return false
}

// givenUpFailure decides for a function without an error result (a
// background job, a loop iteration with its own span): the function gives
// up on the error when the branch that records it (if err != nil { ... })
// leaves the function or ends the span without joining the work the
// function does when there is no error. A branch that joins it (logs and
// goes on with the next record, tolerates one failed sub-task) handled the
// error.
func (c *checker) givenUpFailure(fi *funcInfo, g *graph, stmt ast.Node, key spanKey, rec recordedErr, returns bool) (failure, bool) {
	guard, errBranch := c.errorGuard(fi, stmt, rec)
	if guard == nil {
		return failure{}, false
	}
	gp, ok := g.where[guard.Cond]
	if !ok || len(gp.b.Succs) != 2 || gp.i != len(gp.b.Nodes)-1 {
		return failure{}, false
	}
	okSucc := gp.b.Succs[1]
	if !errBranch {
		okSucc = gp.b.Succs[0]
	}
	p, ok := g.where[stmt]
	if !ok {
		return failure{}, false
	}
	v, _ := key.root.(*types.Var)
	ends := func(n ast.Node) bool {
		if _, isRet := n.(*ast.ReturnStmt); isRet {
			return true
		}
		e := c.effectOf(n, v, false)
		return e.kind == effEnd
	}
	sets := func(n ast.Node) bool { return c.statusSetBy(fi, n, key, rec) }
	errWork, exits := c.workUntilEnd(g, p.b, p.i+1, ends, sets)
	okWork, okExits := c.workUntilEnd(g, okSucc, 0, ends, nil)
	var branch ast.Node = guard.Body
	if !errBranch {
		branch = guard.Else
	}
	for n := range errWork {
		if okWork[n] && (n.Pos() < branch.Pos() || n.End() > branch.End()) {
			// The error branch goes on with the function's work (the
			// branch itself comes round again in a loop: that is not it).
			return failure{}, false
		}
	}
	if len(exits) == 0 {
		return failure{}, false
	}
	exit := exits[0]
	if !returns {
		// In a function with an error result, the iteration's span must
		// end where the iteration without the error ends it: a branch that
		// ends the span and returns on its own (return nil) decided.
		for _, x := range exits {
			if !containsNode(okExits, x) {
				return failure{}, false
			}
		}
	}
	if _, isRet := exit.(*ast.ReturnStmt); isRet {
		return failure{what: fmt.Sprintf("an error on which the function gives up at line %d", c.line(exit.Pos())), every: true}, true
	}
	return failure{what: fmt.Sprintf("an error with which the span ends at line %d", c.line(exit.Pos())), every: true}, true
}

func containsNode(ns []ast.Node, n ast.Node) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

// errorGuard returns the innermost if statement of fi around stmt that tests
// the recorded error against nil, and whether stmt is on its non-nil branch.
func (c *checker) errorGuard(fi *funcInfo, stmt ast.Node, rec recordedErr) (*ast.IfStmt, bool) {
	if rec.root == nil {
		return nil, false
	}
	var guard *ast.IfStmt
	errBranch := false
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if n == nil || n.Pos() > stmt.Pos() || n.End() < stmt.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			var tok token.Token
			if _, ok := rec.expr.(*ast.Ident); ok {
				tok = nilTest(c.info, n.Cond, rec.root)
			} else {
				tok = c.exprNilTest(n.Cond, rec.expr)
			}
			inBody := stmt.Pos() >= n.Body.Pos() && stmt.End() <= n.Body.End()
			inElse := n.Else != nil && stmt.Pos() >= n.Else.Pos() && stmt.End() <= n.Else.End()
			switch {
			case tok == token.NEQ && inBody:
				guard, errBranch = n, true
			case tok == token.EQL && inElse:
				guard, errBranch = n, false
			}
		}
		return true
	})
	return guard, errBranch
}

// exprNilTest reports whether cond compares the expression e (res.err) with
// nil, and how.
func (c *checker) exprNilTest(cond ast.Expr, e ast.Expr) token.Token {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
		return token.ILLEGAL
	}
	if (c.sameExpr(be.X, e) && api.IsNil(c.info, be.Y)) || (api.IsNil(c.info, be.X) && c.sameExpr(be.Y, e)) {
		return be.Op
	}
	return token.ILLEGAL
}

// workUntilEnd returns the nodes reachable from (b, from) before the span
// ends or the function returns on each path, and the ends reached on paths
// that do not pass a node for which sets is true (a path that sets the
// span's status has nothing to report), first found first.
func (c *checker) workUntilEnd(g *graph, b *cfg.Block, from int, ends, sets func(ast.Node) bool) (map[ast.Node]bool, []ast.Node) {
	type item struct {
		b    *cfg.Block
		from int
	}
	work := []item{{b, from}}
	seen := map[*cfg.Block]bool{}
	out := map[ast.Node]bool{}
	var exits []ast.Node
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		stopped := false
		for _, n := range it.b.Nodes[it.from:] {
			if sets != nil && sets(n) {
				stopped = true
				break
			}
			if ends(n) {
				exits = append(exits, n)
				stopped = true
				break
			}
			out[n] = true
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
	return out, exits
}

// funcSig returns the signature of a function declaration or literal.
func funcSig(info *types.Info, fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			sig, _ := obj.Type().(*types.Signature)
			return sig
		}
	case *ast.FuncLit:
		if tv, ok := info.Types[fn]; ok {
			sig, _ := tv.Type.(*types.Signature)
			return sig
		}
	}
	return nil
}

// errorResults returns the indices of a signature's results of type error.
func errorResults(sig *types.Signature) []int {
	var out []int
	for i := 0; i < sig.Results().Len(); i++ {
		if isError(sig.Results().At(i).Type()) {
			out = append(out, i)
		}
	}
	return out
}

// namedErrorResults returns fi's named results of type error.
func namedErrorResults(info *types.Info, fi *funcInfo) []*types.Var {
	if fi.typ == nil || fi.typ.Results == nil {
		return nil
	}
	var out []*types.Var
	for _, f := range fi.typ.Results.List {
		for _, name := range f.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && isError(v.Type()) {
				out = append(out, v)
			}
		}
	}
	return out
}

// funcLabel names a function for messages.
func funcLabel(fn ast.Node) string {
	if fd, ok := fn.(*ast.FuncDecl); ok {
		return fd.Name.Name
	}
	return "the enclosing function"
}

// errorTypeSetNear reports where the span of key gets an error.type
// attribute (span.SetAttributes(semconv.ErrorTypeKey.String(...)),
// attribute.String("error.type", ...), or a function named ErrorType that
// returns an attribute, as semconv's and wrappers of it are) in a block
// enclosing the RecordError statement, inside the function: the author
// tags this outcome as a failure, even though the function does not
// return the error (a tool result flagged IsError, a job marked failed).
func (c *checker) errorTypeSetNear(fi *funcInfo, stmt *ast.ExprStmt, key spanKey) (token.Pos, bool) {
	file := c.fileOf(stmt.Pos())
	if file == nil {
		return token.NoPos, false
	}
	path, _ := astutil.PathEnclosingInterval(file, stmt.Pos(), stmt.End())
	for _, n := range path {
		if n == fi.node {
			break
		}
		block, ok := n.(*ast.BlockStmt)
		if !ok || block == fi.body {
			continue
		}
		for _, st := range block.List {
			es, ok := st.(*ast.ExprStmt)
			if !ok {
				continue
			}
			call, ok := es.X.(*ast.CallExpr)
			if !ok {
				continue
			}
			recv, method, ok := api.SpanMethodCall(c.info, call)
			if !ok || method != "SetAttributes" {
				continue
			}
			if k, ok := c.keyOf(recv); !ok || k != key {
				continue
			}
			for _, arg := range call.Args {
				if api.IsErrorTypeAttr(c.info, arg) {
					return es.Pos(), true
				}
			}
		}
	}
	return token.NoPos, false
}

// setsStatusAfter reports whether a statement of fi after stmt sets the
// span's status on some path: then adding SetStatus right after the
// RecordError is not the only change of status there, and no fix is
// offered.
func (c *checker) setsStatusAfter(fi *funcInfo, stmt ast.Stmt, sets func(ast.Node) bool) bool {
	found := false
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if n.Pos() > stmt.End() && sets(n) {
			found = true
		}
		return !found
	})
	return found
}
