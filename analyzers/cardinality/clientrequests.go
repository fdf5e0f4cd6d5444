package cardinality

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// serverOnlyRequestFields are the fields of an http.Request that only a
// server fills in: on a request a client sends they are empty (net/http
// ignores RemoteAddr and refuses RequestURI there), so a label given one
// in a RoundTripper holds one value, "".
var serverOnlyRequestFields = map[string]bool{"RequestURI": true, "RemoteAddr": true}

// emptyOnClientRequest reports whether sel reads a server-only field of a
// request the function sends rather than serves: a parameter of a
// function shaped like http.RoundTripper's RoundTrip (it takes the
// *http.Request and returns an *http.Response), as a metrics or auth
// transport is.
func (c *checker) emptyOnClientRequest(sel *ast.SelectorExpr, field *types.Var) bool {
	if !serverOnlyRequestFields[field.Name()] {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !api.IsHTTPRequest(v.Type()) {
		return false
	}
	f := c.fileOf(v.Pos())
	if f == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(f, v.Pos(), v.Pos())
	for _, n := range path {
		if _, ft := lint.FuncBody(n); ft != nil {
			return ft.Params != nil && ft.Params.Pos() <= v.Pos() && v.Pos() < ft.Params.End() && c.returnsResponse(ft)
		}
	}
	return false
}

// returnsResponse reports whether a function type has an *http.Response
// among its results.
func (c *checker) returnsResponse(ft *ast.FuncType) bool {
	if ft.Results == nil {
		return false
	}
	for _, r := range ft.Results.List {
		if api.IsPointerTo(c.info.TypeOf(r.Type), "net/http", "Response") {
			return true
		}
	}
	return false
}
