package propagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// programTraces reports whether the package takes part in tracing: it
// imports a tracing API or instrumentation itself, or the program it
// belongs to links the OpenTelemetry SDK through it.
func (c *checker) programTraces() bool {
	return api.ImportsTracing(c.pass.Pkg) || api.ImportsTransitively(c.pass.Pkg, api.SDKTracePath)
}

// reportHTTPServers reports HTTP servers whose handler is a router built in
// the same function with nothing on it that could continue an incoming
// trace.
func (c *checker) reportHTTPServers() {
	if c.extracts || !c.programTraces() {
		return
	}
	for _, cur := range c.serveCalls {
		call := cur.Node().(*ast.CallExpr)
		i := api.HTTPServeHandlerArg(c.info, call)
		if i < len(call.Args) {
			c.checkServedHandler(cur, call.Args[i])
		}
	}
	for _, cur := range c.serverLits {
		lit := cur.Node().(*ast.CompositeLit)
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Handler" {
				c.checkServedHandler(cur, kv.Value)
			}
		}
	}
}

// checkServedHandler reports h when it is a local router whose every use in
// the function is visible and registers only plain handlers.
func (c *checker) checkServedHandler(cur inspector.Cursor, h ast.Expr) {
	fnCur, ok := innermostFunc(cur)
	if !ok {
		return
	}
	v := localVar(c.info, fnCur.Node(), h)
	if v == nil {
		return
	}
	li := describeLocal(c.info, fnCur, v)
	if len(li.assigned) != 1 {
		return
	}
	ctor, ok := ast.Unparen(li.assigned[0]).(*ast.CallExpr)
	if !ok || !api.IsRouterConstructor(c.info, ctor) {
		return
	}
	traced := false
	for _, u := range li.uses {
		if u.Node().Pos() == h.Pos() {
			continue
		}
		if !c.plainRegistration(u, &traced) {
			return
		}
	}
	if !traced {
		return // health, debug and metrics servers: no span would continue a trace
	}
	c.r.Reportf(checkServer, h,
		"HTTP server handler %s is a router with no OpenTelemetry middleware: the trace context of incoming requests is ignored "+
			"and every request starts a new trace; serve otelhttp.NewHandler(%s, \"server\") instead, or add the router's otel middleware",
		v.Name(), v.Name())
}

// plainRegistration reports whether the use of a router variable at u is a
// method call chain (mux.Handle(...), r.HandleFunc(...).Methods(...),
// r.PathPrefix(p).Handler(h)) that registers plain handlers only: no
// middleware (Use, With), and no handler built by code the function does
// not show. traced is set when a registered handler starts a span.
func (c *checker) plainRegistration(u inspector.Cursor, traced *bool) bool {
	cur := u
	sawCall := false
	for {
		call, name, ok := isMethodReceiver(cur)
		if !ok {
			break
		}
		sawCall = true
		switch name {
		case "Use", "With", "Group", "Route", "Mount", "Subrouter", "Walk":
			return false
		}
		for _, arg := range call.Args {
			if !c.plainHandlerArg(arg, traced) {
				return false
			}
		}
		cur = cur.Parent().Parent() // the call, which may be the receiver of the next one
	}
	return sawCall
}

// plainHandlerArg reports whether a registration argument is a pattern, a
// function or method value, a function literal, or net/http's own handler
// helpers over those: nothing that may wrap the handler in tracing. traced
// is set when the handler is a function of this package that starts a span.
func (c *checker) plainHandlerArg(e ast.Expr, traced *bool) bool {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return true // a constant pattern
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		if c.spanStartedIn(x) {
			*traced = true
		}
		return true
	case *ast.Ident, *ast.SelectorExpr:
		// A handler function or method value serves, it wraps nothing; a
		// variable holding a handler may hold a wrapped one.
		fn, isFunc := api.ObjectOf(c.info, x).(*types.Func)
		if isFunc {
			if fd := c.funcDecls[fn]; fd != nil && c.spanStartedIn(fd) {
				*traced = true
			}
		}
		return isFunc
	case *ast.CallExpr:
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() {
			// http.HandlerFunc(f)
			return len(x.Args) == 1 && c.plainHandlerArg(x.Args[0], traced)
		}
		fn := api.Callee(c.info, x)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
			return false
		}
		for _, a := range x.Args {
			if !c.plainHandlerArg(a, traced) {
				return false
			}
		}
		return true
	case *ast.BasicLit:
		return true
	}
	return false
}

// httpClientSend reports whether call is (*http.Client).Do.
func httpClientSend(info *types.Info, call *ast.CallExpr) bool {
	return api.CalleeName(info, call) == "(*net/http.Client).Do"
}

// reportHTTPClients reports requests that carry a traced context but are
// sent by a client whose transport does not inject it: http.DefaultClient,
// or a client built in the function with a plain transport.
func (c *checker) reportHTTPClients() {
	if c.injects || c.replacesDefaults {
		return
	}
	for _, cur := range c.clientDos {
		call := cur.Node().(*ast.CallExpr)
		recv := api.Receiver(c.info, call)
		if recv == nil || len(call.Args) != 1 {
			continue
		}
		fnCur, ok := innermostFunc(cur)
		if !ok {
			continue
		}
		if !c.startsSpan(fnCur) || !c.requestHasContext(fnCur, call.Args[0]) {
			continue
		}
		what, ok := c.plainClient(fnCur, recv)
		if !ok {
			continue
		}
		c.r.Reportf(checkClient, recv,
			"%s sends a request from a traced function without trace headers: the downstream service's spans start a new trace; "+
				"send it with a client whose Transport is otelhttp.NewTransport(http.DefaultTransport)", what)
	}
}

// spanStartedIn reports whether a span is started inside n.
func (c *checker) spanStartedIn(n ast.Node) bool {
	for _, s := range c.spanStarts {
		if p := s.Node().Pos(); p >= n.Pos() && p < n.End() {
			return true
		}
	}
	return false
}

// startsSpan reports whether the function at fnCur starts a span.
func (c *checker) startsSpan(fnCur inspector.Cursor) bool {
	for _, s := range c.spanStarts {
		if fnCur.Contains(s) {
			return true
		}
	}
	return false
}

// requestHasContext reports whether req is a local request built in the
// function with http.NewRequestWithContext.
func (c *checker) requestHasContext(fnCur inspector.Cursor, req ast.Expr) bool {
	if call, ok := ast.Unparen(req).(*ast.CallExpr); ok {
		return api.CalleeName(c.info, call) == "net/http.NewRequestWithContext"
	}
	v := localVar(c.info, fnCur.Node(), req)
	if v == nil {
		return false
	}
	li := describeLocal(c.info, fnCur, v)
	for _, rhs := range li.assigned {
		if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
			switch api.CalleeName(c.info, call) {
			case "net/http.NewRequestWithContext", "(*net/http.Request).WithContext":
				return true
			}
		}
	}
	return false
}

// plainClient reports whether recv is http.DefaultClient, or a local client
// built in the function from a literal whose Transport is absent, or
// http.DefaultTransport, or a literal *http.Transport; the client must be
// used only through its methods.
func (c *checker) plainClient(fnCur inspector.Cursor, recv ast.Expr) (string, bool) {
	if v, ok := api.ObjectOf(c.info, recv).(*types.Var); ok && isHTTPVar(v, "DefaultClient") {
		return "http.DefaultClient", true
	}
	v := localVar(c.info, fnCur.Node(), recv)
	if v == nil {
		return "", false
	}
	li := describeLocal(c.info, fnCur, v)
	if len(li.assigned) != 1 {
		return "", false
	}
	rhs := ast.Unparen(li.assigned[0])
	if u, ok := rhs.(*ast.UnaryExpr); ok {
		rhs = ast.Unparen(u.X)
	}
	lit, ok := rhs.(*ast.CompositeLit)
	if !ok || !api.IsNamed(api.TypeOf(c.info, lit), "net/http", "Client") {
		return "", false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return "", false
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Transport" && !c.plainTransport(kv.Value) {
			return "", false
		}
	}
	for _, u := range li.uses {
		if _, _, ok := isMethodReceiver(u); !ok {
			return "", false
		}
	}
	return "client " + v.Name() + " (built here without an otelhttp transport)", true
}

// plainTransport reports whether e is http.DefaultTransport or a literal
// *http.Transport.
func (c *checker) plainTransport(e ast.Expr) bool {
	e = ast.Unparen(e)
	if v, ok := api.ObjectOf(c.info, e).(*types.Var); ok && isHTTPVar(v, "DefaultTransport") {
		return true
	}
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	return ok && api.IsNamed(api.TypeOf(c.info, lit), "net/http", "Transport")
}

func isHTTPVar(v *types.Var, name string) bool {
	return v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == name && v.Parent() == v.Pkg().Scope()
}
