package api

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// StringConst returns the value of e when it is a compile-time string
// constant: a literal, a named constant (of string or a named string type),
// or a constant expression such as a concatenation of constants. go/types has
// already folded such expressions; this reads the result.
func StringConst(info *types.Info, e ast.Expr) (string, bool) {
	if info == nil || e == nil {
		return "", false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// IsConst reports whether e is a compile-time constant of any kind.
func IsConst(info *types.Info, e ast.Expr) bool {
	if info == nil || e == nil {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.Value != nil
}

// IsStringOrBytes reports whether t is a string or a byte slice type, or a
// named type whose underlying type is one.
func IsStringOrBytes(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}
