package spanname

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// genericWords are words that say nothing about what a program does: a
// span name made of them only ("ProcessRequest", "handle_request",
// "doWork", "span1") could name any span of any program.
var genericWords = map[string]bool{
	"handle": true, "handler": true, "serve": true, "http": true, "handling": true, "request": true, "req": true,
	"process": true, "processing": true, "processor": true, "do": true, "work": true, "worker": true,
	"execute": true, "exec": true, "execution": true, "run": true, "runner": true, "running": true,
	"span": true, "operation": true, "op": true, "test": true, "testing": true,
	"func": true, "function": true, "method": true, "call": true, "invoke": true, "perform": true,
	"main": true, "foo": true, "bar": true, "baz": true, "my": true, "some": true, "todo": true,
	"example": true, "sample": true, "dummy": true, "tmp": true, "temp": true, "noop": true,
	"unknown": true, "unnamed": true, "default": true, "generic": true, "thing": true, "stuff": true,
	"action": true, "the": true, "a": true, "new": true, "parent": true, "child": true,
}

// genericName reports whether a span name is made of generic words only,
// ignoring case, separators and trailing digits ("span1", "Handler.Handle").
func genericName(name string) bool {
	n := 0
	for _, w := range api.Words(name) {
		w = strings.TrimRight(w, "0123456789")
		if w == "" {
			continue
		}
		if !genericWords[w] && !genericPlural(w) {
			return false
		}
		n++
	}
	return n > 0
}

// dataWords are generic words only in the singular: a span called "span"
// says nothing, but "spans" are the data a tracing pipeline processes
// ("process-spans").
var dataWords = map[string]bool{"span": true}

// genericPlural reports whether w is the plural of a generic word
// ("requests", "operations").
func genericPlural(w string) bool {
	one, ok := strings.CutSuffix(w, "s")
	return ok && genericWords[one] && !dataWords[one]
}

// goSymbol matches the names Go prints for functions: a method expression
// "pkg.(*T).Method" or "(T).Method", a closure "Handler.func1" or
// "main.func2.1", a package-level initialiser "glob..func1".
var goSymbol = regexp.MustCompile(`\(\*?[A-Za-z_][\w.\[\], ]*\)\.|(?:^|\.)func\d+(?:\.\d+)*$|\.\.func\d`)

var closureSuffix = regexp.MustCompile(`^(?:func)?\d+$`)

// symbolName reports whether name is a Go symbol name rather than an
// operation.
func symbolName(name string) bool { return goSymbol.MatchString(name) }

// placeholderMessage says why a placeholder name is wrong and what the
// span should be named after: the operation the code performs, as the
// package, receiver and function describe it.
func placeholderMessage(pkg *types.Package, decl *ast.FuncDecl, name string) string {
	return fmt.Sprintf("span name %q is a generic placeholder that says nothing about the operation; name what the code does%s", name, operationHint(pkg, decl))
}

// symbolMessage says why a Go symbol name is wrong.
func symbolMessage(name string) string {
	msg := fmt.Sprintf("span name %q is a Go symbol, which reads as code and changes with every refactoring; name the operation", name)
	if s := symbolOperation(name); s != "" && s != name {
		msg += fmt.Sprintf(", e.g. %q", s)
	}
	return msg
}

// runtimeNameMessage says why a name computed from a function's runtime
// name is wrong.
func runtimeNameMessage(src string) string {
	return fmt.Sprintf("span name is computed from %s, a Go symbol such as \"example.com/shop.(*Orders).Place.func1\", which reads as code and changes with every refactoring; pass each span a constant name for the operation it measures", src)
}

// symbolOperation turns a Go symbol into the operation it names: the last
// type and method, without package path, parentheses, pointers and closure
// suffixes: "github.com/acme/orders.(*Service).Place.func1" → "Service.Place".
func symbolOperation(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	var segs []string
	for _, s := range strings.Split(name, ".") {
		s = strings.Trim(s, "()*")
		if s == "" || closureSuffix.MatchString(s) || s == "glob" {
			continue
		}
		segs = append(segs, s)
	}
	if len(segs) > 2 {
		segs = segs[len(segs)-2:]
	}
	return strings.Join(segs, ".")
}

// operationHint names the operation the code around a span performs, from
// its receiver type (or package) and function: `, e.g. "OrderService.PlaceOrder"`,
// or, when the function's own name is a placeholder too, where to look:
// ` performed by OrderService in package handlers, e.g. "OrderService.<action>"`.
func operationHint(pkg *types.Package, decl *ast.FuncDecl) string {
	if decl == nil {
		return ""
	}
	recv, fn, pkgName := receiverName(decl), decl.Name.Name, ""
	if pkg != nil && pkg.Name() != "main" {
		pkgName = pkg.Name()
	}
	concrete := !genericName(fn) && !strings.EqualFold(fn, recv)
	switch {
	case recv != "" && concrete:
		return fmt.Sprintf(", e.g. %q, the operation this %s method performs", recv+"."+fn, recv)
	case recv != "" && pkgName != "":
		return fmt.Sprintf(" for %s in package %s, e.g. \"%s.<action>\" with the action it performs", recv, pkgName, recv)
	case recv != "":
		return fmt.Sprintf(" for %s, e.g. \"%s.<action>\" with the action it performs", recv, recv)
	case pkgName != "" && concrete:
		return fmt.Sprintf(", e.g. %q, the operation this function performs", pkgName+"."+fn)
	case pkgName != "":
		return fmt.Sprintf(" in package %s, e.g. \"%s.<action>\" with the action it performs", pkgName, pkgName)
	case concrete:
		return fmt.Sprintf(", e.g. %q, the operation this function performs", pascal(fn))
	}
	return ""
}

// receiverName returns the receiver's type name of a method, or "".
func receiverName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) != 1 {
		return ""
	}
	t := decl.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
