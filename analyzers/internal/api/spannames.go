package api

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"
)

// DependsOn reports whether pkg is path or imports it, directly or through
// other packages. A rule uses it as its fast path when a configured wrapper
// (Config.StartFuncs) may live in another package than the OpenTelemetry API.
func DependsOn(pkg *types.Package, path string) bool {
	return findPackage(pkg, path) != nil
}

// SpanNameSite is an argument that becomes a span name outside Tracer.Start:
// the operation of otelhttp.NewHandler / otelhttp.NewMiddleware, or the
// formatter function of otelhttp.WithSpanNameFormatter.
type SpanNameSite struct {
	Call *ast.CallExpr
	Func *types.Func
	// Arg is the operation-name argument, or the formatter function.
	Arg ast.Expr
	// Formatter is true when Arg is a func(operation string, r *http.Request) string.
	Formatter bool
	// MayBeRenamed is true for an operation whose options may replace it as
	// the span name: a WithSpanNameFormatter option, or options the call
	// does not spell out (opts..., a variable).
	MayBeRenamed bool
}

// otelhttpNameArgs maps otelhttp functions to the index of their
// operation-name argument.
var otelhttpNameArgs = map[string]int{
	OtelHTTPPath + ".NewHandler":    1,
	OtelHTTPPath + ".NewMiddleware": 0,
}

// SpanNameSiteOf reports whether call names spans through otelhttp: the
// operation of NewHandler(h, operation) or NewMiddleware(operation), or the
// formatter passed to WithSpanNameFormatter(f).
func SpanNameSiteOf(info *types.Info, call *ast.CallExpr) (SpanNameSite, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != OtelHTTPPath {
		return SpanNameSite{}, false
	}
	name := FullName(fn)
	if i, ok := otelhttpNameArgs[name]; ok && i < len(call.Args) {
		return SpanNameSite{Call: call, Func: fn, Arg: call.Args[i], MayBeRenamed: optionsMayRename(info, call, i+1)}, true
	}
	if name == OtelHTTPPath+".WithSpanNameFormatter" && len(call.Args) == 1 {
		return SpanNameSite{Call: call, Func: fn, Arg: call.Args[0], Formatter: true}, true
	}
	return SpanNameSite{}, false
}

// optionsMayRename reports whether the otelhttp options of call, from
// argument first on, may set a span name formatter: one of them is
// WithSpanNameFormatter, or is not a call of an otelhttp option function
// the call spells out (a slice passed with ..., a variable).
func optionsMayRename(info *types.Info, call *ast.CallExpr, first int) bool {
	if call.Ellipsis.IsValid() {
		return true
	}
	for _, arg := range call.Args[min(first, len(call.Args)):] {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := Callee(info, opt)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != OtelHTTPPath || fn.Name() == "WithSpanNameFormatter" {
			return true
		}
	}
	return false
}

// RequestValueKind classifies a value read from an *http.Request or a
// *url.URL by how many distinct values it takes.
type RequestValueKind int

const (
	// NotRequestValue: e is not a value read from a request.
	NotRequestValue RequestValueKind = iota
	// RequestBounded: a value of bounded cardinality: the method, the
	// matched ServeMux pattern (Go 1.22+), the protocol.
	RequestBounded
	// RequestPath: the raw path or URL of the request (r.URL.Path,
	// r.URL.String(), r.RequestURI, ...): one value per resource.
	RequestPath
	// RequestInput: a value the client chooses freely: a query, form or
	// path parameter, a header, a cookie, the remote address.
	RequestInput
)

// requestFields classifies fields of net/http.Request and net/url.URL.
var requestFields = map[string]RequestValueKind{
	"net/http.Request.Method":     RequestBounded,
	"net/http.Request.Pattern":    RequestBounded,
	"net/http.Request.Proto":      RequestBounded,
	"net/http.Request.RequestURI": RequestPath,
	"net/http.Request.URL":        RequestPath,
	"net/http.Request.RemoteAddr": RequestInput,
	"net/http.Request.Header":     RequestInput,
	"net/http.Request.Form":       RequestInput,
	"net/http.Request.PostForm":   RequestInput,
	"net/url.URL.Path":            RequestPath,
	"net/url.URL.RawPath":         RequestPath,
	"net/url.URL.Opaque":          RequestPath,
	"net/url.URL.RawQuery":        RequestInput,
	"net/url.URL.Fragment":        RequestInput,
	"net/url.URL.RawFragment":     RequestInput,
}

// requestMethods classifies methods returning parts of a request.
var requestMethods = map[string]RequestValueKind{
	"(*net/url.URL).String":             RequestPath,
	"(*net/url.URL).Redacted":           RequestPath,
	"(*net/url.URL).EscapedPath":        RequestPath,
	"(*net/url.URL).RequestURI":         RequestPath,
	"(*net/url.URL).EscapedFragment":    RequestInput,
	"(*net/url.URL).Query":              RequestInput,
	"(net/url.Values).Get":              RequestInput,
	"(net/url.Values).Encode":           RequestInput,
	"(net/http.Header).Get":             RequestInput,
	"(*net/http.Request).FormValue":     RequestInput,
	"(*net/http.Request).PostFormValue": RequestInput,
	"(*net/http.Request).PathValue":     RequestInput,
	"(*net/http.Request).Referer":       RequestInput,
	"(*net/http.Request).UserAgent":     RequestInput,
}

// RequestValueOf classifies e when it reads a request's method, path, URL or
// client input (see RequestValueKind): a field selection such as r.URL.Path
// or a method call such as r.URL.String() or r.PathValue("id").
func RequestValueOf(info *types.Info, e ast.Expr) RequestValueKind {
	if info == nil {
		return NotRequestValue
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return NotRequestValue
		}
		recv := sel.Recv()
		for _, owner := range []struct{ path, name string }{{"net/http", "Request"}, {"net/url", "URL"}} {
			if IsNamed(recv, owner.path, owner.name) {
				return requestFields[owner.path+"."+owner.name+"."+e.Sel.Name]
			}
		}
	case *ast.CallExpr:
		if k, ok := requestMethods[CalleeName(info, e)]; ok {
			return k
		}
		// r.Cookie("k").Value and the like are selections on a call.
	}
	return NotRequestValue
}

// OperationNamesSpans reports whether otelhttp, in the version the program
// builds with (pkg is the otelhttp package), names server spans after the
// operation argument of NewHandler and NewMiddleware. Before v0.69 its
// default formatter returns the operation; since v0.69 spans are named
// "{method} {route}" and the operation reaches only a custom formatter.
// The version is the package's Version constant; releases that declare
// Version as a function are older.
func OperationNamesSpans(pkg *types.Package) bool {
	if pkg == nil || pkg.Path() != OtelHTTPPath {
		return true
	}
	c, ok := pkg.Scope().Lookup("Version").(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return true
	}
	parts := strings.Split(constant.StringVal(c.Val()), ".")
	if len(parts) < 2 {
		return true
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return true
	}
	return major == 0 && minor < 69
}

// routeSpanNamers are router middlewares that rename the server span in
// the request's context after the matched route ("GET /orders/:id"), so
// that an otelhttp handler's operation in front of them is a placeholder.
// Router instrumentations that start spans of their own (otelmux, otelgin,
// otelecho) are not among them.
var routeSpanNamers = []string{
	"github.com/uptrace/bunrouter/extra/bunrouterotel",
}

// RenamesServerSpansByRoute reports whether the program pkg belongs to
// links a router middleware that renames the server span after the route.
func RenamesServerSpansByRoute(pkg *types.Package) bool {
	for _, p := range routeSpanNamers {
		if DependsOn(pkg, p) {
			return true
		}
	}
	return false
}
