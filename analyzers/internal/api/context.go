package api

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"sync"
)

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	return IsNamed(t, "context", "Context")
}

// IsContextLike reports whether a value of type t can be used as a
// context.Context where one is needed: context.Context itself, or a type
// parameter whose constraint makes it one (func F[C context.Context](ctx C)).
func IsContextLike(t types.Type) bool {
	if IsContext(t) {
		return true
	}
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return false
	}
	c := tp.Constraint()
	if c == nil {
		return false
	}
	if IsContext(c) {
		return true
	}
	iface, ok := c.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		if IsContextLike(iface.EmbeddedType(i)) {
			return true
		}
	}
	return false
}

// IsHTTPRequest reports whether t is *net/http.Request.
func IsHTTPRequest(t types.Type) bool {
	return IsPointerTo(t, "net/http", "Request")
}

// IsResponseWriter reports whether t is net/http.ResponseWriter.
func IsResponseWriter(t types.Type) bool {
	return IsNamed(t, "net/http", "ResponseWriter")
}

// IsHTTPHandlerSig reports whether sig has an http.ResponseWriter or a
// *http.Request parameter: the signature of an HTTP handler.
func IsHTTPHandlerSig(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if IsResponseWriter(t) || IsHTTPRequest(t) {
			return true
		}
	}
	return false
}

// IsFreshContext reports whether call is context.Background() or
// context.TODO(), and returns the function's name.
func IsFreshContext(info *types.Info, call *ast.CallExpr) (name string, ok bool) {
	switch CalleeName(info, call) {
	case "context.Background":
		return "Background", true
	case "context.TODO":
		return "TODO", true
	}
	return "", false
}

// IsPropagatorExtract reports whether call is the Extract method of an
// OpenTelemetry text-map propagator: propagation.TextMapPropagator itself
// (otel.GetTextMapPropagator().Extract), or any type implementing it
// (propagation.TraceContext{}, b3, autoprop's composites). Such a call is how
// a consumer continues a remote trace from a carrier, and its first argument
// is legitimately context.Background().
func IsPropagatorExtract(info *types.Info, call *ast.CallExpr) bool {
	return isPropagatorMethod(info, call, "Extract")
}

// isPropagatorMethod reports whether call is the method name (Inject or
// Extract) of a type implementing propagation.TextMapPropagator.
func isPropagatorMethod(info *types.Info, call *ast.CallExpr, name string) bool {
	fn := Callee(info, call)
	if fn == nil || fn.Name() != name {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 2 || !IsContext(sig.Params().At(0).Type()) {
		return false
	}
	recv := sig.Recv().Type()
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok {
			recv = s.Recv()
		}
	}
	return implementsNamed(recv, PropagationPath, "TextMapPropagator")
}

// OAuth2Path is the import path of golang.org/x/oauth2.
const OAuth2Path = "golang.org/x/oauth2"

// RetainsContext reports whether call builds a long-lived client from a
// context it is given: a function or method (of an interface too) taking a
// context.Context and returning an *http.Client or an oauth2.TokenSource,
// such as oauth2's (*Config).Client and TokenSource, clientcredentials'
// and jwt's, oauth2.NewClient, google.DefaultClient. The result keeps the
// context for its lifetime (token refreshes go through it), so a request's
// context, cancelled when the request ends, must not be the one given.
func RetainsContext(info *types.Info, call *ast.CallExpr) bool {
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() {
		return false // a conversion
	}
	t := TypeOf(info, call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	takesCtx := false
	for i := 0; i < sig.Params().Len(); i++ {
		takesCtx = takesCtx || IsContext(sig.Params().At(i).Type())
	}
	if !takesCtx {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		r := sig.Results().At(i).Type()
		if IsPointerTo(r, "net/http", "Client") || IsNamed(r, OAuth2Path, "TokenSource") {
			return true
		}
	}
	return false
}

// ContextSourceKind says where a reachable context comes from.
type ContextSourceKind int

const (
	CtxParam   ContextSourceKind = iota // a context.Context parameter
	CtxLocal                            // a context.Context local variable
	CtxRequest                          // a *http.Request parameter: r.Context()
	CtxCarrier                          // a parameter of a configured context-carrying type
)

// ContextSource is a context value reachable at some position.
type ContextSource struct {
	Var  *types.Var
	Kind ContextSourceKind
	// Expr is the Go expression that yields the context: "ctx",
	// "r.Context()", or for a carrier "c" (when its type is itself a
	// context.Context), "c.Context()" (when it has a method returning one),
	// or the carrier variable's name (see Opaque).
	Expr string
	// Func is the name of the function that declares Var ("" for a
	// function literal).
	Func string
	// Opaque is true for a carrier from which no context.Context
	// expression could be derived: Expr names the carrier, and is not
	// itself a context.
	Opaque bool
	// Receiver is true when Var is the receiver of the method Func (a
	// request or carrier type's own method).
	Receiver bool
}

// Describe returns a short phrase naming the source for messages, e.g.
// "ctx (parameter of PlaceOrder)", "r.Context() (request of ServeHTTP)" or
// "ctx (local variable of Run)".
func (c ContextSource) Describe() string {
	where := "the enclosing function literal"
	if c.Func != "" {
		where = c.Func
	}
	param := "parameter"
	if c.Receiver {
		param = "receiver"
	}
	switch c.Kind {
	case CtxParam:
		return c.Expr + " (parameter of " + where + ")"
	case CtxLocal:
		return c.Expr + " (local variable of " + where + ")"
	case CtxRequest:
		return c.Expr + " (request of " + where + ")"
	case CtxCarrier:
		if c.Opaque {
			return "the context carried by " + c.Expr + " (" + param + " of " + where + ")"
		}
		if c.Receiver {
			return c.Expr + " (from the receiver of " + where + ")"
		}
		return c.Expr + " (from a parameter of " + where + ")"
	}
	return c.Expr
}

// ContextAt returns the context reachable at pos, looking outwards from the
// innermost scope at pos: in each scope, the latest visible context.Context
// variable (parameter or local, or a value of a type parameter constrained
// by context.Context), else a *http.Request parameter (r.Context()), else a
// parameter of a configured carrier type. Enclosing function literals are
// searched before the functions that contain them, so a handler literal's
// request wins over its outer function's context. The receiver of a context
// accessor (a method taking nothing and returning a context.Context, such
// as (*http.Request).Context) is no source inside it. Package-level variables,
// blank and named result parameters, and variables shadowed at pos do not
// count. funcs is the chain of *ast.FuncDecl and *ast.FuncLit enclosing pos,
// outermost first (lint.EnclosingFuncs of an inspector stack); it tells
// parameters from locals and names the declaring function. Missing type
// information yields no source.
func ContextAt(pkg *types.Package, info *types.Info, funcs []ast.Node, pos token.Pos) (ContextSource, bool) {
	return ContextAtExcept(pkg, info, funcs, pos, nil)
}

// ContextAtExcept is ContextAt ignoring the variables for which skip
// returns true (for example locals that hold nothing but a fresh root), so
// that a context further out is found instead. skip may be nil.
func ContextAtExcept(pkg *types.Package, info *types.Info, funcs []ast.Node, pos token.Pos, skip func(*types.Var) bool) (ContextSource, bool) {
	if pkg == nil || info == nil || !pos.IsValid() {
		return ContextSource{}, false
	}
	fscopes := map[*types.Scope]funcDesc{}
	for _, n := range funcs {
		var ft *ast.FuncType
		var recv *ast.FieldList
		name, accessor := "", false
		switch f := n.(type) {
		case *ast.FuncDecl:
			ft, name, recv = f.Type, f.Name.Name, f.Recv
			accessor = isContextAccessor(info, f)
		case *ast.FuncLit:
			ft = f.Type
		default:
			continue
		}
		if sc := info.Scopes[ft]; sc != nil {
			fscopes[sc] = funcDesc{name: name, params: ft.Params, recv: recv, results: ft.Results, accessor: accessor}
		}
	}
	inner := pkg.Scope().Innermost(pos)
	for s := inner; s != nil && s != pkg.Scope() && s != types.Universe && s.Parent() != pkg.Scope(); s = s.Parent() {
		d, isFunc := fscopes[s]
		var best, request, carrier *ContextSource
		for _, name := range s.Names() {
			if name == "_" {
				continue
			}
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || v.IsField() || skip != nil && skip(v) {
				continue
			}
			if t := v.Type(); !IsContextLike(t) && !IsHTTPRequest(t) && !isCarrier(t) {
				continue // cheap test first: a function may have thousands of locals
			}
			// Visible at pos: declared before it and not shadowed.
			if _, obj := inner.LookupParent(name, pos); obj != v {
				continue
			}
			isParam := isFunc && d.declaresParam(info, v)
			if isFunc && (d.declaresResult(info, v) || d.accessor && declares(info, d.recv, v)) {
				continue
			}
			src := &ContextSource{Var: v, Func: enclosingFuncName(s, fscopes), Receiver: isFunc && declares(info, d.recv, v)}
			switch t := v.Type(); {
			case IsContextLike(t):
				src.Expr, src.Kind = v.Name(), CtxLocal
				if isParam {
					src.Kind = CtxParam
				}
				if best == nil || v.Pos() > best.Var.Pos() {
					best = src
				}
			case isParam && IsHTTPRequest(t):
				src.Expr, src.Kind = v.Name()+".Context()", CtxRequest
				if request == nil || v.Pos() < request.Var.Pos() {
					request = src
				}
			case isParam && isCarrier(t):
				src.Kind = CtxCarrier
				src.Expr, src.Opaque = carrierExpr(v)
				if carrier == nil || v.Pos() < carrier.Var.Pos() {
					carrier = src
				}
			}
		}
		for _, c := range []*ContextSource{best, request, carrier} {
			if c != nil {
				return *c, true
			}
		}
	}
	return ContextSource{}, false
}

type funcDesc struct {
	name    string
	params  *ast.FieldList
	recv    *ast.FieldList
	results *ast.FieldList
	// accessor is set for a method that yields its receiver's context
	// (see isContextAccessor): the receiver is no source inside it.
	accessor bool
}

// isContextAccessor reports whether fd is a method taking nothing and
// returning only a context.Context: func (r *Request) Context()
// context.Context, a framework's (*Ctx).UserContext. Such a method is how
// its receiver's context is reached, so the receiver cannot be the context
// at hand inside it; its context.Background() is the default it falls back
// on.
func isContextAccessor(info *types.Info, fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && IsContextLike(sig.Results().At(0).Type())
}

func (d funcDesc) declaresParam(info *types.Info, v *types.Var) bool {
	return declares(info, d.params, v) || declares(info, d.recv, v)
}

func (d funcDesc) declaresResult(info *types.Info, v *types.Var) bool {
	return declares(info, d.results, v)
}

func declares(info *types.Info, fl *ast.FieldList, v *types.Var) bool {
	if fl == nil {
		return false
	}
	for _, f := range fl.List {
		for _, id := range f.Names {
			if info.Defs[id] == v {
				return true
			}
		}
	}
	return false
}

// enclosingFuncName names the nearest function at or above scope s: a
// declared function's name, or "" for a function literal.
func enclosingFuncName(s *types.Scope, fscopes map[*types.Scope]funcDesc) string {
	for ; s != nil; s = s.Parent() {
		if d, ok := fscopes[s]; ok {
			return d.name
		}
	}
	return ""
}

// carrierExpr returns the expression that yields the context.Context of a
// carrier variable v: v itself when its type implements context.Context, v.M()
// for a method M taking nothing and returning a context.Context (Context,
// UserContext, ...), v.Request().Context() when it has Request() returning
// *http.Request; otherwise v's name and opaque = true.
func carrierExpr(v *types.Var) (expr string, opaque bool) {
	t := v.Type()
	if ctxIface := contextInterface(t); ctxIface != nil && (types.Implements(t, ctxIface) || types.Implements(types.NewPointer(t), ctxIface)) {
		return v.Name(), false
	}
	ms := methodSet(t)
	var ctxMethods []string
	request := false
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok || !fn.Exported() {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			continue
		}
		switch r := sig.Results().At(0).Type(); {
		case IsContext(r):
			ctxMethods = append(ctxMethods, fn.Name())
		case IsHTTPRequest(r) && fn.Name() == "Request":
			request = true
		}
	}
	if len(ctxMethods) > 0 {
		sort.Slice(ctxMethods, func(i, j int) bool { // prefer Context, then shortest
			if (ctxMethods[i] == "Context") != (ctxMethods[j] == "Context") {
				return ctxMethods[i] == "Context"
			}
			return len(ctxMethods[i]) < len(ctxMethods[j]) || len(ctxMethods[i]) == len(ctxMethods[j]) && ctxMethods[i] < ctxMethods[j]
		})
		return v.Name() + "." + ctxMethods[0] + "()", false
	}
	if request {
		return v.Name() + ".Request().Context()", false
	}
	return v.Name(), true
}

// contextInterface returns the context.Context interface as seen from the
// package declaring t, or nil.
func contextInterface(t types.Type) *types.Interface {
	return lookupInterface(findPackage(namedPkg(t), "context"), "Context")
}

// carrierTypes holds "pkg/path.Name" entries for configured context-carrying
// types (a framework's request context).
var carrierTypes struct {
	sync.RWMutex
	names []string
}

// SetContextCarriers replaces the configured context-carrying types, each
// written "import/path.TypeName".
func SetContextCarriers(names []string) {
	carrierTypes.Lock()
	carrierTypes.names = append([]string(nil), names...)
	sort.Strings(carrierTypes.names)
	carrierTypes.Unlock()
}

// ContextCarriers returns the configured context-carrying types.
func ContextCarriers() []string {
	carrierTypes.RLock()
	defer carrierTypes.RUnlock()
	return append([]string(nil), carrierTypes.names...)
}

func isCarrier(t types.Type) bool {
	carrierTypes.RLock()
	defer carrierTypes.RUnlock()
	for _, full := range carrierTypes.names {
		i := strings.LastIndexByte(full, '.')
		if i <= 0 {
			continue
		}
		if IsNamed(t, full[:i], full[i+1:]) {
			return true
		}
	}
	return false
}

// Mentions reports whether node refers to v anywhere.
func Mentions(info *types.Info, node ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// RangeYieldsIndex reports whether ranging over a value of type t yields
// a position as key (slices, arrays and pointers to arrays, strings,
// integers) rather than a map key or a received value.
func RangeYieldsIndex(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Pointer:
		_, ok := u.Elem().Underlying().(*types.Array)
		return ok
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	}
	return false
}

// TakesTestingParam reports whether a function's parameters include a
// *testing.T, *testing.B, *testing.F or testing.TB: it is test code
// wherever it is written.
func TakesTestingParam(info *types.Info, ft *ast.FuncType) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		t := TypeOf(info, f.Type)
		if t == nil {
			continue
		}
		if IsNamed(t, "testing", "TB") || IsPointerTo(t, "testing", "T") || IsPointerTo(t, "testing", "B") || IsPointerTo(t, "testing", "F") {
			return true
		}
	}
	return false
}
