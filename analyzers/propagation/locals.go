package propagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// localInfo is what a function body says about one of its local variables:
// every value assigned to it (nil for a value that cannot be read, such as
// a range variable or one result of a multi-value call) and every other
// occurrence of it.
type localInfo struct {
	assigned []ast.Expr
	uses     []inspector.Cursor
}

// localVar returns the variable e denotes when it is a local variable
// declared inside fn (not a parameter, not a package-level variable), or
// nil.
func localVar(info *types.Info, fn ast.Node, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	body := funcBody(fn)
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	return v
}

func funcBody(fn ast.Node) *ast.BlockStmt {
	switch f := fn.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

// describeLocal collects the assignments and uses of v inside fnCur (a
// function, including the function literals it contains).
func describeLocal(info *types.Info, fnCur inspector.Cursor, v *types.Var) localInfo {
	var li localInfo
	for cur := range fnCur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Defs[id] != v && info.Uses[id] != v {
			continue
		}
		if rhs, ok := assignedAt(cur); ok {
			li.assigned = append(li.assigned, rhs)
			continue
		}
		if info.Defs[id] == v {
			continue // var v T, or a range/type-switch definition handled above
		}
		li.uses = append(li.uses, cur)
	}
	return li
}

// assignedAt reports whether the identifier at cur is the target of an
// assignment or declaration, and returns the value assigned (nil when it
// cannot be read).
func assignedAt(cur inspector.Cursor) (ast.Expr, bool) {
	id := cur.Node().(*ast.Ident)
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, lhs := range p.Lhs {
			if lhs != id {
				continue
			}
			if len(p.Lhs) == len(p.Rhs) {
				if p.Tok.String() != "=" && p.Tok.String() != ":=" {
					return nil, true // x += y
				}
				return p.Rhs[i], true
			}
			if len(p.Rhs) == 1 {
				if call, ok := ast.Unparen(p.Rhs[0]).(*ast.CallExpr); ok && i == 0 {
					return call, true // x, err := f(): the call's first result
				}
			}
			return nil, true
		}
	case *ast.ValueSpec:
		for i, name := range p.Names {
			if name != id {
				continue
			}
			if len(p.Values) == len(p.Names) {
				return p.Values[i], true
			}
			if len(p.Values) == 1 && i == 0 {
				return p.Values[0], true
			}
			if len(p.Values) == 0 {
				return nil, false // var x T: its zero value, not an assignment we read
			}
			return nil, true
		}
	case *ast.RangeStmt:
		if p.Key == id || p.Value == id {
			return nil, true
		}
	case *ast.UnaryExpr:
		// &x hands the variable out: whoever holds the pointer may assign.
		if p.Op.String() == "&" {
			return nil, true
		}
	}
	return nil, false
}

// isMethodReceiver reports whether the identifier at cur is the receiver of
// a method call (x in x.M(...)), and returns the call and the method name.
func isMethodReceiver(cur inspector.Cursor) (*ast.CallExpr, string, bool) {
	sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.X != cur.Node() {
		return nil, "", false
	}
	call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != sel {
		return nil, "", false
	}
	return call, sel.Sel.Name, true
}
