package api

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Hook-based loggers (zerolog, logrus) attach a trace to a record only
// through a hook that reads the record's context: Ctx(ctx) or
// WithContext(ctx) adds nothing when no hook in the program reads it.

// hookInterfaces are the hook interfaces of the hook-based libraries.
var hookInterfaces = map[LogLibrary][2]string{
	LibZerolog: {ZerologPath, "Hook"},
	LibLogrus:  {LogrusPath, "Hook"},
}

// contextLogBridges are packages that attach the trace of a record's
// context for a hook-based library by themselves.
var contextLogBridges = []string{
	"go.opentelemetry.io/contrib/bridges/otellogrus",
	"go.opentelemetry.io/contrib/bridges/otelzerolog",
	"github.com/uptrace/opentelemetry-go-extra/otellogrus",
	"github.com/uptrace/opentelemetry-go-extra/otelzerolog",
}

// ImportView is the part of a package a question is asked about: the
// packages its files import (Roots) and which of its own declarations
// count (Declared). The zero view (Declared nil) is the whole package. A test variant's
// production view leaves out what only its _test.go files bring: a hook a
// test installs does not run in the program.
type ImportView struct {
	Roots    []*types.Package
	Declared func(token.Pos) bool
}

// ProductionView is the view of pkg's non-test files: the packages they
// import and the declarations they hold.
func ProductionView(fset *token.FileSet, pkg *types.Package, files []*ast.File) ImportView {
	byPath := map[string]*types.Package{}
	for _, imp := range pkg.Imports() {
		byPath[imp.Path()] = imp
	}
	isTest := func(pos token.Pos) bool { return strings.HasSuffix(fset.Position(pos).Filename, "_test.go") }
	v := ImportView{Declared: func(pos token.Pos) bool { return !isTest(pos) }}
	seen := map[*types.Package]bool{}
	for _, f := range files {
		if isTest(f.Package) {
			continue
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if imp := byPath[path]; err == nil && imp != nil && !seen[imp] {
				seen[imp] = true
				v.Roots = append(v.Roots, imp)
			}
		}
	}
	return v
}

// HookInReach reports whether a logging hook that could read a record's
// context is in reach of pkg, seen through view, for lib: pkg or a package
// it imports, directly or not, declares a type implementing lib's hook
// interface (zerolog.Hook, logrus.Hook), or imports an OpenTelemetry
// bridge for lib. For libraries without hooks, and where lib's hook
// interface is not known to pkg's imports, it reports true: nothing says
// the context would be ignored.
func HookInReach(pkg *types.Package, lib LogLibrary, view ImportView) bool {
	hi, ok := hookInterfaces[lib]
	if !ok || pkg == nil {
		return true
	}
	var iface *types.Interface
	if lib := findPackage(pkg, hi[0]); lib != nil {
		if obj, ok := lib.Scope().Lookup(hi[1]).(*types.TypeName); ok {
			iface, _ = obj.Type().Underlying().(*types.Interface)
		}
	}
	if iface == nil {
		return true
	}
	if view.Declared == nil {
		view = ImportView{Roots: pkg.Imports(), Declared: func(token.Pos) bool { return true }}
	}
	if declaresHook(pkg, iface, view.Declared) {
		return true
	}
	found := false
	seen := map[*types.Package]bool{pkg: true}
	for _, root := range view.Roots {
		walkImportsSeen(root, seen, func(p *types.Package) bool {
			path := p.Path()
			for _, b := range contextLogBridges {
				if path == b {
					found = true
					return false
				}
			}
			if path == hi[0] || strings.HasPrefix(path, hi[0]+"/") || !ImportsAny(p, hi[0]) {
				return true
			}
			found = declaresHook(p, iface, nil)
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// declaresHook reports whether p declares a concrete type (at a position
// declared accepts, when given) implementing the hook interface iface.
func declaresHook(p *types.Package, iface *types.Interface, declared func(token.Pos) bool) bool {
	scope := p.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || declared != nil && !declared(tn.Pos()) {
			continue
		}
		t := tn.Type()
		if _, isIface := t.Underlying().(*types.Interface); isIface {
			continue
		}
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			return true
		}
	}
	return false
}

// InterfaceMethodNames returns the names of the methods of the interfaces
// declared at the top level of pkg: a method of one of those names may be
// called through an interface, by callers no call site shows.
func InterfaceMethodNames(pkg *types.Package) map[string]bool {
	names := map[string]bool{}
	scope := pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if it, ok := tn.Type().Underlying().(*types.Interface); ok {
			for i := 0; i < it.NumMethods(); i++ {
				names[it.Method(i).Name()] = true
			}
		}
	}
	return names
}
