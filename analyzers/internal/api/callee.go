package api

import (
	"go/ast"
	"go/types"
	"strings"
	"sync"
)

// Callee returns the function or method a call invokes, or nil for calls of
// builtins, conversions and function values. Interface methods are returned
// as the abstract method; calls of generic functions and methods return the
// generic origin.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	if info == nil || call == nil {
		return nil
	}
	id := calleeIdent(call.Fun)
	if id == nil {
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// CalleeIdent returns the identifier naming the called function in fun
// (f in f(x), pkg.F(x), x.M(y), F[T](x)), or nil.
func CalleeIdent(fun ast.Expr) *ast.Ident { return calleeIdent(fun) }

// calleeIdent returns the identifier naming the called function in fun,
// looking through parentheses and explicit instantiation.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch e := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	case *ast.IndexExpr:
		return calleeIdent(e.X)
	case *ast.IndexListExpr:
		return calleeIdent(e.X)
	}
	return nil
}

// FullName returns the name go/types prints for fn: "pkg/path.Func",
// "(*pkg/path.T).Method" or "(pkg/path.Iface).Method".
//
// The name is computed once per function and process: every rule asks for
// the name of every call it looks at, and types.Func.FullName builds a new
// string each time.
func FullName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	if s, ok := fullNames.Load(fn); ok {
		return s.(string)
	}
	s, _ := fullNames.LoadOrStore(fn, fn.FullName())
	return s.(string)
}

// fullNames caches FullName: *types.Func → string. Packages are analysed
// concurrently, hence the sync.Map.
var fullNames sync.Map

// CalleeName returns the full name of the function a call invokes, or "".
func CalleeName(info *types.Info, call *ast.CallExpr) string {
	return FullName(Callee(info, call))
}

// Receiver returns the receiver expression of a method call (x in x.M(...)),
// or nil when call is not a method call through a selector.
func Receiver(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := info.Selections[sel]; ok && (s.Kind() == types.MethodVal) {
		return sel.X
	}
	return nil
}

// IsNamed reports whether t (after unaliasing, with one pointer level removed
// when deref is true) is the named type pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// IsPointerTo reports whether t is exactly *pkgPath.name.
func IsPointerTo(t types.Type, pkgPath, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkgPath, name)
}

// TypeOf returns the type of e, or nil when the type checker recorded none.
func TypeOf(info *types.Info, e ast.Expr) types.Type {
	if info == nil || e == nil {
		return nil
	}
	if tv, ok := info.Types[e]; ok {
		return tv.Type
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if obj := info.ObjectOf(id); obj != nil {
			return obj.Type()
		}
	}
	return nil
}

// ObjectOf returns the object an identifier or selector expression denotes
// (the variable, field, function or constant), or nil.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.ObjectOf(e.Sel)
	}
	return nil
}

// ImportsAny reports whether pkg directly imports a package whose path is one
// of paths or lies below one of them (path + "/..."). It is the rules' fast
// path: a package that imports none of the APIs a rule is about is skipped.
func ImportsAny(pkg *types.Package, paths ...string) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		p := imp.Path()
		for _, want := range paths {
			if p == want || strings.HasPrefix(p, want+"/") {
				return true
			}
		}
	}
	return false
}

// findPackage returns the package with the given path among pkg and its
// transitive imports, or nil.
func findPackage(pkg *types.Package, path string) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		if p == nil || seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, imp := range p.Imports() {
			if found := walk(imp); found != nil {
				return found
			}
		}
		return nil
	}
	return walk(pkg)
}

// AnyResult reports whether one of fn's results has a type for which pred
// holds.
func AnyResult(fn *types.Func, pred func(types.Type) bool) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if pred(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}
