package cardinality

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// Labels derived from other labels. A label named like a URL or a path
// ("test_uri", "dashboard_link") whose value is built from a template and
// the values of the series' other labels — fmt.Sprintf("%s/tests/%s",
// base, name) next to "name": name — is a link to the thing the other
// labels already name: one value per series, no new series. The key's name
// is then no evidence of an unbounded value; the value is judged instead.

// derivedFromLabels reports whether value, the label at index self of a
// call whose label values are siblings, is a string built from a constant
// template (fmt.Sprintf with a constant format, or a concatenation with a
// constant) whose other parts are values of the other labels or values the
// value model does not find unbounded, with at least one part another
// label's value.
func (c *checker) derivedFromLabels(value ast.Expr, siblings []ast.Expr, self int) bool {
	parts, ok := templateParts(c.info, value)
	if !ok {
		return false
	}
	fromLabel := false
	for _, p := range parts {
		if isSibling(p, siblings, self) {
			fromLabel = true
			continue
		}
		if c.judge(p, 0).v == unbounded {
			return false
		}
	}
	return fromLabel
}

// templateParts returns the non-constant parts of a string built from a
// constant template: the arguments of fmt.Sprintf with a constant format,
// or the operands of a + concatenation that has a constant operand.
func templateParts(info *types.Info, e ast.Expr) ([]ast.Expr, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if api.CalleeName(info, x) != "fmt.Sprintf" || len(x.Args) < 2 {
			return nil, false
		}
		if _, ok := api.StringConst(info, x.Args[0]); !ok {
			return nil, false
		}
		return x.Args[1:], true
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return nil, false
		}
		var parts []ast.Expr
		constant := false
		var walk func(e ast.Expr)
		walk = func(e ast.Expr) {
			if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
				walk(b.X)
				walk(b.Y)
				return
			}
			if _, ok := api.StringConst(info, e); ok {
				constant = true
				return
			}
			parts = append(parts, e)
		}
		walk(x)
		return parts, constant
	}
	return nil, false
}

// isSibling reports whether e is written exactly as another label's value.
func isSibling(e ast.Expr, siblings []ast.Expr, self int) bool {
	s := types.ExprString(ast.Unparen(e))
	for i, v := range siblings {
		if i != self && types.ExprString(ast.Unparen(v)) == s {
			return true
		}
	}
	return false
}

// labelDerivedAtUses reports whether the label at index (named name) of the
// vector built by ctor is given, at every use of the vector in the package
// — through the variable it is stored in or a struct field that variable
// is stored into — a value derived from its other labels
// (derivedFromLabels), and there is at least one use.
func (c *checker) labelDerivedAtUses(ctor *ast.CallExpr, index int, name string) bool {
	var obj types.Object
	for o, calls := range c.vecs {
		for _, call := range calls {
			if call == ctor {
				obj = o
			}
		}
	}
	if obj == nil || obj.Pkg() != c.pass.Pkg {
		return false
	}
	holders := c.vectorHolders(obj)
	n := 0
	for _, pl := range c.promUses {
		recv := api.Receiver(c.info, pl.Call)
		if recv == nil || !holders[api.ObjectOf(c.info, recv)] {
			continue
		}
		var values []ast.Expr
		self := -1
		switch {
		case pl.Map != nil:
			for i, en := range c.labelsMapEntries(pl.Map, pl.Call.Pos()) {
				if k, ok := api.StringConst(c.info, en.key); ok && k == name {
					self = i
				}
				values = append(values, en.value)
			}
		case !pl.Call.Ellipsis.IsValid() && index < len(pl.Values):
			values, self = pl.Values, index
		}
		if self < 0 || !c.derivedFromLabels(values[self], values, self) {
			return false
		}
		n++
	}
	return n > 0
}

// vectorHolders returns obj and the struct fields of this package that obj
// is stored into (Metrics{Requests: requests}, m.requests = requests), as
// the package's index recorded them (the whole package is indexed when it
// uses Prometheus).
func (c *checker) vectorHolders(obj types.Object) map[types.Object]bool {
	holders := map[types.Object]bool{obj: true}
	for _, f := range c.fieldStores[obj] {
		holders[f] = true
	}
	return holders
}
