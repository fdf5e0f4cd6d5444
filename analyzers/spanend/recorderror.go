package spanend

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// spanKey identifies the span a method is called on: a variable, a field of
// a variable (h.span), or trace.SpanFromContext(ctx) of a context variable.
type spanKey struct {
	root, field types.Object
	fromCtx     bool
}

// keyOf returns the spanKey of a span expression.
func (c *checker) keyOf(e ast.Expr) (spanKey, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok {
			return spanKey{root: v}, true
		}
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return spanKey{}, false
		}
		root, ok := c.info.Uses[id].(*types.Var)
		field, isVar := c.info.Uses[e.Sel].(*types.Var)
		if ok && isVar && field.IsField() {
			return spanKey{root: root, field: field}, true
		}
	case *ast.CallExpr:
		if arg := api.SpanFromContextArg(c.info, e); arg != nil {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok {
					return spanKey{root: v, fromCtx: true}, true
				}
			}
		}
	}
	return spanKey{}, false
}

// checkRecordError reports span.RecordError(err) when the recorded error
// fails the span's operation (see failureOf) on a path that never sets the
// span's status to Error. The span is one the function starts, or one it
// receives as a parameter or takes with trace.SpanFromContext when its owner
// is in view (see ownerInView); for the last two only a returned error
// counts.
func (c *checker) checkRecordError(fi *funcInfo, stmt *ast.ExprStmt) {
	call, ok := stmt.X.(*ast.CallExpr)
	if !ok {
		return
	}
	recv := api.Receiver(c.info, call)
	key, ok := c.keyOf(recv)
	if !ok || key.field != nil {
		return // h.span: the type that holds it may set its status anywhere
	}
	root, _ := key.root.(*types.Var)
	own := !key.fromCtx && c.started[root]
	if !own && !key.fromCtx && !c.fromContext[root] && !c.isParam(fi, root) {
		return
	}
	rec, ok := c.recordedErrOf(call)
	if !ok {
		return
	}
	file := c.fileOf(stmt.Pos())
	if c.isCancellation(fi, file, stmt, rec) {
		return
	}
	g := c.graphOf(fi.body)
	if rec.root != nil && c.errKnownNil(g, stmt, rec.root) {
		return // RecordError(nil) records nothing
	}
	// A span captured from an enclosing function may get its status there
	// (an errgroup callback records, the caller of Wait sets the status).
	if fi.outer != nil && fi.node != ast.Node(fi.outer) && key.root.Pos() < fi.typ.Pos() && c.setsStatus(fi.outer.Body, key) {
		return
	}
	if !own && !c.ownerInView(fi) {
		return // whoever started the span decides its status
	}
	f, ok := c.failureOf(fi, stmt, key, rec, own && localVar(c.info, recvIdent(recv), fi) != nil)
	if !ok {
		return
	}
	recvText := types.ExprString(recv)
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: recvText + ".RecordError records " + f.what + ", but " + recvText +
			".SetStatus(codes.Error, ...) is not called on that path, so the span is not marked as failed; set the status after recording the error",
	}
	if f.every {
		d.SuggestedFixes = c.setStatusFix(stmt, call, recv)
	}
	c.r.Report(checkRecordError, d)
}

// ownerInView reports whether the span a function records on without
// having started it (a parameter, trace.SpanFromContext) is owned by code
// in view that leaves its status unset: the function has callers in this
// package, each of them starts a span itself (the one it hands over), and
// none sets a span's Error status. A function called only from elsewhere (a
// gRPC or HTTP handler, whose server span the instrumentation marks from
// the returned error or the response code) gives no such evidence.
func (c *checker) ownerInView(fi *funcInfo) bool {
	fd, ok := fi.node.(*ast.FuncDecl)
	if !ok {
		fd = fi.outer
	}
	if fd == nil {
		return false
	}
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	callers := c.callersOf(fn)
	if len(callers) == 0 {
		return false
	}
	for _, body := range callers {
		if c.setsAnyStatus(body) || !c.startsSpan(body) {
			return false
		}
	}
	return true
}

// startsSpan reports whether body starts a span.
func (c *checker) startsSpan(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if _, isStart := c.spanStartOf(call); isStart {
				found = true
			}
		}
		return !found
	})
	return found
}

// callersOf returns the bodies of the functions of the package that call fn.
func (c *checker) callersOf(fn *types.Func) []*ast.BlockStmt {
	if c.callers == nil {
		c.callers = map[*types.Func][]*ast.BlockStmt{}
		for _, f := range c.pass.Files {
			var bodies []*ast.BlockStmt
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					bodies = bodies[:len(bodies)-1]
					return true
				}
				var body *ast.BlockStmt
				switch n := n.(type) {
				case *ast.FuncDecl:
					body = n.Body
				case *ast.FuncLit:
					body = n.Body
				case *ast.CallExpr:
					if callee := api.Callee(c.info, n); callee != nil && len(bodies) > 0 && bodies[len(bodies)-1] != nil {
						c.callers[callee] = append(c.callers[callee], bodies[len(bodies)-1])
					}
				}
				if body == nil && len(bodies) > 0 {
					body = bodies[len(bodies)-1]
				}
				bodies = append(bodies, body)
				return true
			})
		}
	}
	return c.callers[fn]
}

// recvIdent returns the identifier of a span receiver, or nil.
func recvIdent(e ast.Expr) ast.Expr {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		return id
	}
	return nil
}

// isParam reports whether v is a parameter of fi or of a function fi is
// nested in.
func (c *checker) isParam(fi *funcInfo, v *types.Var) bool {
	if v == nil {
		return false
	}
	for _, typ := range []*ast.FuncType{fi.typ, outerType(fi)} {
		if typ == nil || typ.Params == nil {
			continue
		}
		for _, f := range typ.Params.List {
			for _, name := range f.Names {
				if c.info.Defs[name] == v {
					return true
				}
			}
		}
	}
	return false
}

func outerType(fi *funcInfo) *ast.FuncType {
	if fi.outer == nil {
		return nil
	}
	return fi.outer.Type
}

// setsStatus reports whether n may set the Error status of the span key:
// a SetStatus call with codes.Error (or a non-constant code), or the span
// passed to a function that may do so (a same-package helper whose body does,
// or any function of another package).
func (c *checker) setsStatus(n ast.Node, key spanKey) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if found {
			return false
		}
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		if recv, method, ok := api.SpanMethodCall(c.info, call); ok {
			if k, ok := c.keyOf(recv); ok && k == key {
				if method == "SetStatus" && api.MaySetErrorStatus(c.info, call) {
					found = true
				}
				return true
			}
		}
		if key.field != nil {
			// h.fail(err) may set the status of h.span.
			if r := api.Receiver(c.info, call); r != nil {
				if id, ok := ast.Unparen(r).(*ast.Ident); ok && c.info.Uses[id] == key.root {
					found = true
					return false
				}
			}
		}
		for i, arg := range call.Args {
			if c.argCarriesSpan(arg, key) && c.callMaySetStatus(call, i, key) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// argCarriesSpan reports whether a call argument gives the callee access to
// the span key: the span itself, the variable holding it, or the context it
// comes from.
func (c *checker) argCarriesSpan(arg ast.Expr, key spanKey) bool {
	if k, ok := c.keyOf(arg); ok && k == key {
		return true
	}
	id, ok := ast.Unparen(arg).(*ast.Ident)
	return ok && c.info.Uses[id] == key.root
}

// callMaySetStatus reports whether passing the span (or its holder or
// context) as argument i of call may set its status.
func (c *checker) callMaySetStatus(call *ast.CallExpr, i int, key spanKey) bool {
	fn := api.Callee(c.info, call)
	if fn == nil {
		return !key.fromCtx
	}
	decl, ok := c.decls[fn]
	if !ok {
		// Another package: a span handed over may get its status there; a
		// context passed on is too common to count.
		return !key.fromCtx && key.field == nil
	}
	pk := paramKey{fn, i}
	if v, ok := c.helperStatus[pk]; ok {
		return v
	}
	c.helperStatus[pk] = false // recursion guard
	p := c.paramVar(decl, fn, i)
	res := false
	if p != nil {
		if key.fromCtx || key.field != nil {
			res = c.setsAnyStatus(decl.Body)
		} else {
			res = c.setsStatus(decl.Body, spanKey{root: p})
		}
	}
	c.helperStatus[pk] = res
	return res
}

// setsAnyStatus reports whether body calls SetStatus with a possibly-Error
// code on any span.
func (c *checker) setsAnyStatus(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok && !found {
			if _, method, ok := api.SpanMethodCall(c.info, call); ok && method == "SetStatus" && api.MaySetErrorStatus(c.info, call) {
				found = true
			}
		}
		return !found
	})
	return found
}
