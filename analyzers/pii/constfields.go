package pii

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// A field that only ever holds constants holds no personal data: the
// accounts a seed command creates, a fixture's e-mail addresses written
// as literals in the package that declares the type.
//
//	users := []seedUser{{email: "owner@example.com"}, {email: "admin@example.com"}}
//	for _, u := range users {
//		log.Printf("created %s", u.email)
//
// Only an unexported field of a struct type of this package qualifies:
// nothing outside the package can write it.

// fieldWrites records, for each field written in the package, whether
// every write is a constant.
type fieldWrites map[*types.Var]bool

// noteLiteral records the fields a struct composite literal sets.
func (c *checker) noteLiteral(lit *ast.CompositeLit) {
	st := structOf(api.TypeOf(c.info, lit))
	if st == nil {
		return
	}
	for i, elt := range lit.Elts {
		var f *types.Var
		value := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			f, _ = c.info.ObjectOf(id).(*types.Var)
			value = kv.Value
		} else if i < st.NumFields() {
			f = st.Field(i)
		}
		c.noteFieldWrite(f, value)
	}
}

// noteFieldAssign records the fields an assignment writes (x.f = v).
func (c *checker) noteFieldAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			continue
		}
		var value ast.Expr
		if len(rhs) == len(lhs) {
			value = rhs[i]
		}
		c.noteFieldWrite(s.Obj().(*types.Var), value)
	}
}

func (c *checker) noteFieldWrite(f *types.Var, value ast.Expr) {
	if f == nil || !f.IsField() || f.Exported() || f.Pkg() != c.pass.Pkg {
		return
	}
	if c.fields == nil {
		c.fields = fieldWrites{}
	}
	isConst := value != nil && api.IsConst(c.info, value)
	if prev, seen := c.fields[f]; seen {
		isConst = isConst && prev
	}
	c.fields[f] = isConst
}

// noteFieldAddrs records the fields whose address a call is given
// (fmt.Sscan(line, &u.email)): the callee may write anything there.
func (c *checker) noteFieldAddrs(call *ast.CallExpr) {
	for _, a := range call.Args {
		u, ok := ast.Unparen(a).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			continue
		}
		if sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				c.noteFieldWrite(s.Obj().(*types.Var), nil)
			}
		}
	}
}

// onlyConstants reports whether every write of f in the package is a
// constant (and there is at least one).
func (c *checker) onlyConstants(f *types.Var) bool {
	return c.fields[f]
}
