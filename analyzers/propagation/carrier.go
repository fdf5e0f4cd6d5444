package propagation

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// reportCarriers reports hand-written TextMapCarrier implementations over a
// message's headers whose Keys returns nil or whose Set appends without
// replacing an existing key.
func (c *checker) reportCarriers() {
	for _, fd := range c.carrierDecl {
		recv := c.receiverType(fd)
		if recv == nil || !api.IsTextMapCarrier(c.pass.Pkg, recv) || !overMessageHeaders(recv) {
			continue
		}
		switch fd.Name.Name {
		case "Keys":
			if returnsOnlyNil(fd.Body) {
				c.r.Reportf(checkCarrier, fd.Name,
					"Keys of carrier %s returns nil: propagators that iterate the carrier (Baggage, some vendors' formats) "+
						"find nothing to extract; return the header keys", recv.(*types.Named).Obj().Name())
			}
		case "Set":
			if appendsBlindly(fd.Body) && !c.injectsOnlyIntoEmpty(recv) {
				c.r.Reportf(checkCarrier, fd.Name,
					"Set of carrier %s appends a header without replacing an existing one with the same key: a message "+
						"that already carries a traceparent (re-published, retried) ends up with two, and the consumer may "+
						"continue the wrong trace; remove headers with the key before appending", recv.(*types.Named).Obj().Name())
			}
		}
	}
}

// receiverType returns the named type of a method's receiver.
func (c *checker) receiverType(fd *ast.FuncDecl) types.Type {
	obj, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := types.Unalias(sig.Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if _, ok := t.(*types.Named); !ok {
		return nil
	}
	return t
}

// overMessageHeaders reports whether the carrier type is, or has a field
// that is, a messaging library's headers or message.
func overMessageHeaders(t types.Type) bool {
	u := t.Underlying()
	if api.MentionsMessageHeaders(u) {
		return true
	}
	if s, ok := u.(*types.Struct); ok {
		for i := 0; i < s.NumFields(); i++ {
			if api.MentionsMessageHeaders(s.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// returnsOnlyNil reports whether body is just "return nil".
func returnsOnlyNil(body *ast.BlockStmt) bool {
	if len(body.List) != 1 {
		return false
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	id, ok := ret.Results[0].(*ast.Ident)
	return ok && id.Name == "nil"
}

// appendsBlindly reports whether body appends (the builtin) and neither
// loops (over the existing headers, to replace or remove one) nor calls
// anything but append and conversions: a helper may well de-duplicate.
func appendsBlindly(body *ast.BlockStmt) bool {
	appends, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			other = true
		case *ast.CallExpr:
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				switch f.Name {
				case "append":
					appends = true
				case "string", "len":
				default:
					other = true
				}
			case *ast.ArrayType: // []byte(v)
			default:
				other = true
			}
		}
		return !other
	})
	return appends && !other
}

// injectsOnlyIntoEmpty reports whether every carrier of type t this package
// injects into starts empty — an empty literal (&T{}, or a local declared
// as T{} or var c T that nothing else assigns or sets) — and there is at
// least one: a Set that appends can then never meet an existing key.
func (c *checker) injectsOnlyIntoEmpty(t types.Type) bool {
	n := 0
	for _, cur := range c.injectCalls {
		call := cur.Node().(*ast.CallExpr)
		if len(call.Args) != 2 {
			return false
		}
		arg := ast.Unparen(call.Args[1])
		if !types.Identical(derefType(api.TypeOf(c.info, arg)), t) {
			continue
		}
		if !c.emptyCarrierAt(cur, arg) {
			return false
		}
		n++
	}
	return n > 0
}

// emptyCarrierAt reports whether arg, given to the Inject call at cur, is an
// empty carrier: an empty composite literal (or its address), or a local
// variable (or its address) whose only value is one.
func (c *checker) emptyCarrierAt(cur inspector.Cursor, arg ast.Expr) bool {
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	if isEmptyLiteral(arg) {
		return true
	}
	fnCur, ok := innermostFunc(cur)
	if !ok {
		return false
	}
	v := localVar(c.info, fnCur.Node(), arg)
	if v == nil {
		return false
	}
	for idCur := range fnCur.Preorder((*ast.Ident)(nil)) {
		id := idCur.Node().(*ast.Ident)
		if c.info.Defs[id] != v && c.info.Uses[id] != v {
			continue
		}
		if u, ok := idCur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND && isInjectCarrierArg(c.info, idCur.Parent()) {
			continue // &carrier given to Inject itself
		}
		if _, m, ok := isMethodReceiver(idCur); ok && m == "Set" {
			return false // set by hand besides Inject
		}
		if fieldAssigned(idCur) {
			return false // carrier.Headers = consumed.Headers
		}
		rhs, assigned := assignedAt(idCur)
		if assigned && (rhs == nil || !isEmptyLiteral(unaddr(rhs))) {
			return false
		}
	}
	return true
}

// fieldAssigned reports whether the identifier at cur is the operand of a
// selector that an assignment writes (c.Headers = h, c.msg.Headers = h).
func fieldAssigned(cur inspector.Cursor) bool {
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); !ok || sel.X != cur.Node() {
		return false
	}
	for p := cur.Parent(); ; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.ParenExpr, *ast.StarExpr:
			continue
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if l.Pos() <= cur.Node().Pos() && cur.Node().End() <= l.End() {
					return true
				}
			}
		}
		return false
	}
}

// isInjectCarrierArg reports whether the expression at cur is the carrier
// argument of a TextMapPropagator.Inject call.
func isInjectCarrierArg(info *types.Info, cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	return ok && len(call.Args) == 2 && call.Args[1] == cur.Node() && api.IsPropagatorInject(info, call)
}

// isEmptyLiteral reports whether e is a composite literal with no elements.
func isEmptyLiteral(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

// unaddr strips a leading & from e.
func unaddr(e ast.Expr) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return u.X
	}
	return e
}

// derefType returns the type a pointer points to, or t.
func derefType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return types.Unalias(t)
}
