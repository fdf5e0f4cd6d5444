package api

import (
	"go/types"
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

// HookInReach reports whether a logging hook that could read a record's
// context is in reach of pkg for lib: pkg or a package it imports, directly
// or not, declares a type implementing lib's hook interface (zerolog.Hook,
// logrus.Hook), or imports an OpenTelemetry bridge for lib. For libraries
// without hooks, and where lib's hook interface is not known to pkg's
// imports, it reports true: nothing says the context would be ignored.
func HookInReach(pkg *types.Package, lib LogLibrary) bool {
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
	found := false
	walkImports(pkg, func(p *types.Package) bool {
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
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			t := tn.Type()
			if _, isIface := t.Underlying().(*types.Interface); isIface {
				continue
			}
			if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
				found = true
				return false
			}
		}
		return true
	})
	return found
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
