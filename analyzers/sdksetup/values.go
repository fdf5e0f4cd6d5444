package sdksetup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// outermostFunc returns the outermost function (declaration or literal)
// enclosing cur: the region in which the local variables visible at cur are
// declared and used. ok is false at package level outside any function.
func outermostFunc(cur inspector.Cursor) (fn inspector.Cursor, ok bool) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn, ok = f, true
	}
	return fn, ok
}

// innermostFunc returns the function (declaration or literal) immediately
// enclosing cur.
func innermostFunc(cur inspector.Cursor) (fn inspector.Cursor, ok bool) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f, true
	}
	return inspector.Cursor{}, false
}

// localVar returns the function-local variable e denotes, or nil for
// package-level variables, fields and anything that is not a variable.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

// occurrences returns every identifier (definition or use) of the local
// variable v inside the function fn, indexing the function's identifiers on
// first request so that each function is walked at most once.
func (c *checker) occurrences(fn inspector.Cursor, v *types.Var) []inspector.Cursor {
	idx, ok := c.vars[fn.Node()]
	if !ok {
		idx = map[*types.Var][]inspector.Cursor{}
		for cur := range fn.Preorder((*ast.Ident)(nil)) {
			if lv := c.localVar(cur.Node().(*ast.Ident)); lv != nil {
				idx[lv] = append(idx[lv], cur)
			}
		}
		c.vars[fn.Node()] = idx
	}
	return idx[v]
}

// assignedValues returns the expressions assigned to the local variable v
// in fn: initialisers and the right-hand sides of assignments. complete is
// false when v may get a value we cannot see: declared without a value,
// assigned from a multi-value call, its address taken, a range variable, a
// parameter.
func (c *checker) assignedValues(fn inspector.Cursor, v *types.Var) (values []ast.Expr, complete bool) {
	occ := c.occurrences(fn, v)
	defined := false
	for _, cur := range occ {
		id := cur.Node().(*ast.Ident)
		parent := cur.Parent().Node()
		kind, i := cur.ParentEdge()
		switch kind {
		case edge.AssignStmt_Lhs:
			as := parent.(*ast.AssignStmt)
			if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
				return nil, false // x, err := f(); x += ...
			}
			values = append(values, as.Rhs[i])
			if c.info.Defs[id] == v {
				defined = true
			}
		case edge.ValueSpec_Names:
			vs := parent.(*ast.ValueSpec)
			if len(vs.Values) != len(vs.Names) {
				return nil, false // var s Sampler; var a, b = f()
			}
			values = append(values, vs.Values[i])
			defined = true
		case edge.UnaryExpr_X:
			if parent.(*ast.UnaryExpr).Op == token.AND {
				return nil, false // &v: written through a pointer
			}
		default:
			if c.info.Defs[id] == v {
				return nil, false // parameter, range or type-switch variable
			}
		}
	}
	return values, defined && len(values) > 0
}
