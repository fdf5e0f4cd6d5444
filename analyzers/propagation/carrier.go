package propagation

import (
	"go/ast"
	"go/types"

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
			if appendsBlindly(fd.Body) {
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
