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

// checkRecordError reports span.RecordError(err), on a span the package
// starts, on a path from the entry of the function through the call to its
// exit on which the span's status is never set to Error.
func (c *checker) checkRecordError(fi *funcInfo, stmt *ast.ExprStmt) {
	call, ok := stmt.X.(*ast.CallExpr)
	if !ok {
		return
	}
	recv := api.Receiver(c.info, call)
	key, ok := c.keyOf(recv)
	root, _ := key.root.(*types.Var)
	if !ok || key.field != nil || key.fromCtx || !c.started[root] {
		// Only spans this code starts: a span from a parameter, a field or
		// trace.SpanFromContext belongs to code that may set its status
		// (otelhttp marks a server span failed for a 5xx response).
		return
	}
	sets := func(n ast.Node) bool { return c.setsStatus(n, key) }
	g := c.graphOf(fi.body)
	if !c.pathAvoids(g, stmt, true, sets) || !c.pathAvoids(g, stmt, false, sets) {
		return
	}
	// A span captured from an enclosing function may get its status there
	// (an errgroup callback records, the caller of Wait sets the status).
	if fi.outer != nil && fi.node != ast.Node(fi.outer) && key.root.Pos() < fi.typ.Pos() && c.setsStatus(fi.outer.Body, key) {
		return
	}
	recvText := types.ExprString(recv)
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: recvText + ".RecordError is called on a path that never sets " + recvText +
			".SetStatus(codes.Error, ...), so the span is not marked as failed; set the status after recording the error",
	}
	d.SuggestedFixes = c.setStatusFix(stmt, call, recv)
	c.r.Report(checkRecordError, d)
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
