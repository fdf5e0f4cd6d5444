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
