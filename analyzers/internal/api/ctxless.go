package api

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
	"sync"
)

// CtxlessRewrite says how a call of a context-less function becomes a call
// of its context-taking variant.
type CtxlessRewrite int

const (
	// RewriteNone: the rewrite is not a one-call edit; Hint says what to do.
	RewriteNone CtxlessRewrite = iota
	// RewriteTwin: rename the function to Twin and pass the context (and
	// Extra) first: db.Query(q, id) → db.QueryContext(ctx, q, id).
	RewriteTwin
	// RewriteDialer: net.Dial(n, a) → (&net.Dialer{}).DialContext(ctx, n, a).
	RewriteDialer
	// RewriteResolver: net.LookupHost(h) → net.DefaultResolver.LookupHost(ctx, h).
	RewriteResolver
)

// CtxlessSpec is one row of the context-less → context-taking table.
type CtxlessSpec struct {
	// Twin names the context-taking variant: "QueryContext",
	// "NewRequestWithContext", "DialContext".
	Twin    string
	Rewrite CtxlessRewrite
	// Extra are arguments the twin needs after the context that the
	// context-less call does not have ("nil": BeginTx's options).
	Extra string
	// Hint says what to do when Rewrite is RewriteNone; "%[1]s" stands for
	// the context expression.
	Hint string
	// MinGo is the Go version that introduced the twin ("go1.23"), or "":
	// a module whose go directive is older gets the message without a fix.
	MinGo string
}

// ctxlessTable maps full function names (as go/types prints them) to their
// context-taking variant. Adding an API is one row.
var ctxlessTable = map[string]CtxlessSpec{
	"net/http.NewRequest":          {Twin: "NewRequestWithContext", Rewrite: RewriteTwin},
	"net/http/httptest.NewRequest": {Twin: "NewRequestWithContext", Rewrite: RewriteTwin, MinGo: "go1.23"},

	"net/http.Get":                hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodGet, url, nil) and send it with http.DefaultClient.Do"),
	"net/http.Head":               hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodHead, url, nil) and send it with http.DefaultClient.Do"),
	"net/http.Post":               hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodPost, url, body), set its Content-Type and send it with http.DefaultClient.Do"),
	"net/http.PostForm":           hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodPost, url, strings.NewReader(data.Encode())), set Content-Type to application/x-www-form-urlencoded and send it with http.DefaultClient.Do"),
	"(*net/http.Client).Get":      hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodGet, url, nil) and send it with the client's Do"),
	"(*net/http.Client).Head":     hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodHead, url, nil) and send it with the client's Do"),
	"(*net/http.Client).Post":     hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodPost, url, body), set its Content-Type and send it with the client's Do"),
	"(*net/http.Client).PostForm": hint("build the request with http.NewRequestWithContext(%[1]s, http.MethodPost, url, strings.NewReader(data.Encode())), set Content-Type to application/x-www-form-urlencoded and send it with the client's Do"),

	"(*database/sql.DB).Query":      twin("QueryContext"),
	"(*database/sql.DB).QueryRow":   twin("QueryRowContext"),
	"(*database/sql.DB).Exec":       twin("ExecContext"),
	"(*database/sql.DB).Prepare":    twin("PrepareContext"),
	"(*database/sql.DB).Ping":       twin("PingContext"),
	"(*database/sql.DB).Begin":      {Twin: "BeginTx", Rewrite: RewriteTwin, Extra: "nil"},
	"(*database/sql.Tx).Query":      twin("QueryContext"),
	"(*database/sql.Tx).QueryRow":   twin("QueryRowContext"),
	"(*database/sql.Tx).Exec":       twin("ExecContext"),
	"(*database/sql.Tx).Prepare":    twin("PrepareContext"),
	"(*database/sql.Tx).Stmt":       twin("StmtContext"),
	"(*database/sql.Stmt).Query":    twin("QueryContext"),
	"(*database/sql.Stmt).QueryRow": twin("QueryRowContext"),
	"(*database/sql.Stmt).Exec":     twin("ExecContext"),
	// *sql.Conn has only context-taking methods.

	"os/exec.Command": twin("CommandContext"),

	"net.Dial":                     {Twin: "DialContext", Rewrite: RewriteDialer},
	"net.DialTimeout":              hint("dial with (&net.Dialer{Timeout: timeout}).DialContext(%[1]s, network, address)"),
	"(*net.Dialer).Dial":           twin("DialContext"),
	"net.LookupHost":               {Twin: "LookupHost", Rewrite: RewriteResolver},
	"net.LookupIP":                 hint("call net.DefaultResolver.LookupIPAddr(%[1]s, host), which returns []net.IPAddr"),
	"net.LookupAddr":               {Twin: "LookupAddr", Rewrite: RewriteResolver},
	"net.LookupCNAME":              {Twin: "LookupCNAME", Rewrite: RewriteResolver},
	"net.LookupMX":                 {Twin: "LookupMX", Rewrite: RewriteResolver},
	"net.LookupNS":                 {Twin: "LookupNS", Rewrite: RewriteResolver},
	"net.LookupTXT":                {Twin: "LookupTXT", Rewrite: RewriteResolver},
	"net.LookupSRV":                {Twin: "LookupSRV", Rewrite: RewriteResolver},
	"net.LookupPort":               {Twin: "LookupPort", Rewrite: RewriteResolver},
	"crypto/tls.Dial":              hint("dial with (&tls.Dialer{Config: config}).DialContext(%[1]s, network, address)"),
	"crypto/tls.DialWithDialer":    hint("dial with (&tls.Dialer{NetDialer: dialer, Config: config}).DialContext(%[1]s, network, address)"),
	"(*crypto/tls.Conn).Handshake": twin("HandshakeContext"),
	"(*crypto/tls.Dialer).Dial":    twin("DialContext"),
}

func twin(name string) CtxlessSpec { return CtxlessSpec{Twin: name, Rewrite: RewriteTwin} }
func hint(text string) CtxlessSpec { return CtxlessSpec{Hint: text} }

// CtxlessCall describes a call of a function that cannot carry a context
// although a context-taking variant exists.
type CtxlessCall struct {
	Call *ast.CallExpr
	Func *types.Func
	CtxlessSpec
	// Convention is true when the variant was found by the FContext
	// convention (CtxTwinOf) rather than the table or configuration.
	Convention bool
}

// CtxlessOf reports whether call invokes a context-less function listed in
// the table or configured with SetCtxlessPairs, and describes its variant. A
// configured pair gets a mechanical rewrite only when the types prove the
// variant takes a context.Context followed by the same parameters.
func CtxlessOf(info *types.Info, pkg *types.Package, call *ast.CallExpr) (CtxlessCall, bool) {
	fn := Callee(info, call)
	if fn == nil || !plainCall(info, call, fn) {
		return CtxlessCall{}, false
	}
	name := FullName(fn)
	if spec, ok := ctxlessTable[name]; ok {
		return CtxlessCall{Call: call, Func: fn, CtxlessSpec: spec}, true
	}
	pairs.RLock()
	twinName, ok := pairs.m[name]
	pairs.RUnlock()
	if !ok {
		return CtxlessCall{}, false
	}
	spec := CtxlessSpec{Twin: twinName, Hint: "call " + twinName + " with %[1]s instead"}
	if provenTwin(info, pkg, call, fn, twinName) != nil {
		spec = twin(twinName)
	}
	return CtxlessCall{Call: call, Func: fn, CtxlessSpec: spec}, true
}

// CtxTwinOf reports whether call invokes a function or method F for which
// the types prove a context-taking twin FContext: declared in the same
// package (a function) or reachable through the same receiver (a method),
// accessible from pkg, taking a context.Context followed by exactly F's
// parameters, and returning exactly F's results. F itself must take no
// context.
func CtxTwinOf(info *types.Info, pkg *types.Package, call *ast.CallExpr) (CtxlessCall, bool) {
	fn := Callee(info, call)
	if fn == nil || !plainCall(info, call, fn) {
		return CtxlessCall{}, false
	}
	t := provenTwin(info, pkg, call, fn, fn.Name()+"Context")
	if t == nil || notDropInTwins[FullName(fn)] || FullName(fn) == "google.golang.org/grpc.Dial" && !blockingDial(info, call) {
		return CtxlessCall{}, false
	}
	return CtxlessCall{Call: call, Func: fn, CtxlessSpec: twin(t.Name()), Convention: true}, true
}

// notDropInTwins are functions whose FContext twin is not the same call
// with a context: the twin keeps the context for the life of what it
// builds and changes what it builds. go-oidc's Provider.VerifierContext
// creates a fresh key set (with no cache of the provider's keys) for
// every verifier, so using it per request refetches the keys each time.
var notDropInTwins = map[string]bool{
	"(*github.com/coreos/go-oidc/v3/oidc.Provider).Verifier": true,
	"(*github.com/coreos/go-oidc.Provider).Verifier":         true,
}

// blockingDial reports whether a grpc.Dial call blocks until the
// connection is up (grpc.WithBlock() or grpc.WithReturnConnectionError()
// among its options, or options passed as a slice, which cannot be read).
// A non-blocking dial returns at once: DialContext's context governs only
// the blocking wait, so without one it changes nothing.
func blockingDial(info *types.Info, call *ast.CallExpr) bool {
	if call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return true
	}
	for _, a := range call.Args[1:] {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			return true // an option from a variable: it may block
		}
		switch CalleeName(info, opt) {
		case "google.golang.org/grpc.WithBlock", "google.golang.org/grpc.WithReturnConnectionError":
			return true
		}
	}
	return false
}

// plainCall reports whether call invokes fn directly: a package function by
// name, or a method through a method value x.F (not a method expression
// T.F(x), whose rewrite would differ).
func plainCall(info *types.Info, call *ast.CallExpr, fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() == nil {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodVal
}

// provenTwin returns the function or method named twinName that call's
// callee fn could be replaced with, passing a context first, or nil.
func provenTwin(info *types.Info, pkg *types.Package, call *ast.CallExpr, fn *types.Func, twinName string) *types.Func {
	if fn.Pkg() == nil || twinName == fn.Name() {
		return nil
	}
	have := calleeSignature(info, call)
	if have == nil || signatureTakesContext(have) {
		return nil
	}
	var twin *types.Func
	var want *types.Signature
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
		s := info.Selections[sel]
		obj, _, _ := types.LookupFieldOrMethod(s.Recv(), true, fn.Pkg(), twinName)
		twin, _ = obj.(*types.Func)
		if twin == nil {
			return nil
		}
		want, _ = twin.Type().(*types.Signature)
	} else {
		twin, _ = fn.Pkg().Scope().Lookup(twinName).(*types.Func)
		if twin == nil {
			return nil
		}
		want, _ = twin.Type().(*types.Signature)
		if want == nil || want.Recv() != nil {
			return nil
		}
		if want.TypeParams().Len() > 0 {
			inst, ok := info.Instances[calleeIdent(call.Fun)]
			if !ok || inst.TypeArgs.Len() != want.TypeParams().Len() {
				return nil
			}
			targs := make([]types.Type, inst.TypeArgs.Len())
			for i := range targs {
				targs[i] = inst.TypeArgs.At(i)
			}
			it, err := types.Instantiate(nil, want, targs, true)
			if err != nil {
				return nil
			}
			want, _ = it.(*types.Signature)
		}
	}
	if want == nil || (!twin.Exported() && twin.Pkg() != pkg) {
		return nil
	}
	if !twinSignature(have, want) {
		return nil
	}
	return twin
}

// calleeSignature returns the (instantiated) signature of the called
// function expression.
func calleeSignature(info *types.Info, call *ast.CallExpr) *types.Signature {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok {
			sig, _ := s.Type().(*types.Signature)
			return sig
		}
	}
	sig, _ := TypeOf(info, call.Fun).(*types.Signature)
	return sig
}

// twinSignature reports whether want is have with a leading
// context.Context parameter.
func twinSignature(have, want *types.Signature) bool {
	hp, wp := have.Params(), want.Params()
	if wp.Len() != hp.Len()+1 || !IsContext(wp.At(0).Type()) || have.Variadic() != want.Variadic() {
		return false
	}
	for i := 0; i < hp.Len(); i++ {
		if !types.Identical(hp.At(i).Type(), wp.At(i+1).Type()) {
			return false
		}
	}
	hr, wr := have.Results(), want.Results()
	if hr.Len() != wr.Len() {
		return false
	}
	for i := 0; i < hr.Len(); i++ {
		if !types.Identical(hr.At(i).Type(), wr.At(i).Type()) {
			return false
		}
	}
	return true
}

func signatureTakesContext(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if IsContextLike(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// pairs holds configured "full name → twin name" pairs.
var pairs struct {
	sync.RWMutex
	m map[string]string
}

// SetCtxlessPairs replaces the configured context-less → context-taking
// pairs: full function name (as go/types prints it) → the name of the
// variant, a function of the same package or a method of the same receiver.
func SetCtxlessPairs(m map[string]string) {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	pairs.Lock()
	pairs.m = c
	pairs.Unlock()
}

// CtxlessPairs returns the configured pairs as "name=twin" entries, sorted.
func CtxlessPairs() []string {
	pairs.RLock()
	defer pairs.RUnlock()
	out := make([]string, 0, len(pairs.m))
	for k, v := range pairs.m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// ShortFuncName writes fn for messages with package names instead of paths:
// "http.NewRequest", "(*sql.DB).Query", "(kv.Store).Get".
func ShortFuncName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	qual := func(p *types.Package) string { return p.Name() }
	sig, ok := fn.Type().(*types.Signature)
	if ok && sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// SplitTopLevel splits s at commas outside brackets (so that generic names
// such as "(*pkg.Cache[K, V]).Get" stay whole) and trims the parts,
// dropping empty ones.
func SplitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	flush := func(end int) {
		if p := strings.TrimSpace(s[start:end]); p != "" {
			out = append(out, p)
		}
	}
	for i, r := range s {
		switch r {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case ',':
			if depth == 0 {
				flush(i)
				start = i + 1
			}
		}
	}
	flush(len(s))
	return out
}

// CtxlessListed reports whether the function with this full name is in the
// context-less table or configured with SetCtxlessPairs: a cheap test
// before CtxlessOf.
func CtxlessListed(fullName string) bool {
	if _, ok := ctxlessTable[fullName]; ok {
		return true
	}
	pairs.RLock()
	defer pairs.RUnlock()
	_, ok := pairs.m[fullName]
	return ok
}

// DeclaresCtxTwin reports whether something named fn.Name()+"Context"
// exists beside fn — in its package for a function, on its receiver type
// for a method — as a cheap test before CtxTwinOf.
func DeclaresCtxTwin(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	name := fn.Name() + "Context"
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() == nil {
		_, ok := fn.Pkg().Scope().Lookup(name).(*types.Func)
		return ok
	}
	obj, _, _ := types.LookupFieldOrMethod(sig.Recv().Type(), true, fn.Pkg(), name)
	_, ok = obj.(*types.Func)
	return ok
}
