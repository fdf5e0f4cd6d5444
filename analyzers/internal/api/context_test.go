package api

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"
)

// Minimal copies of the APIs the context questions are about, under their
// real import paths: the matchers look at package paths and names only.
var fakeSources = map[string]string{
	"context": `package context
import "time"
type Context interface {
	Deadline() (time.Time, bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type emptyCtx struct{ Context }
func Background() Context { return emptyCtx{} }
func TODO() Context { return emptyCtx{} }
func WithoutCancel(parent Context) Context { return parent }`,
	"net/http": `package http
import "context"
type Request struct{ ctx context.Context }
func (r *Request) Context() context.Context { return r.ctx }
type ResponseWriter interface{ WriteHeader(int) }
type Client struct{}`,
	"golang.org/x/oauth2": `package oauth2
import ("context"; "net/http")
type Token struct{}
type TokenSource interface{ Token() (*Token, error) }
type Config struct{}
func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource { return nil }
func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return nil }
func (c *Config) Exchange(ctx context.Context, code string) (*Token, error) { return nil, nil }
func NewClient(ctx context.Context, src TokenSource) *http.Client { return nil }`,
	"example.com/fw": `package fw
import ("context"; "net/http")
type Ctx struct{}
func (*Ctx) UserContext() context.Context { return nil }
func (*Ctx) Context() context.Context { return nil }
type Echo interface{ Request() *http.Request }
type Opaque struct{}
type Native struct{ context.Context }`,
	"github.com/coreos/go-oidc/v3/oidc": `package oidc
import "context"
type Config struct{ ClientID string }
type Provider struct{}
type IDTokenVerifier struct{}
func (p *Provider) Verifier(config *Config) *IDTokenVerifier { return nil }
func (p *Provider) VerifierContext(ctx context.Context, config *Config) *IDTokenVerifier { return nil }
func (p *Provider) UserInfo(src any) (any, error) { return nil, nil }
func (p *Provider) UserInfoContext(ctx context.Context, src any) (any, error) { return nil, nil }`,
	"go.opentelemetry.io/otel/propagation": `package propagation
import "context"
type TextMapCarrier interface{ Get(string) string }
type MapCarrier map[string]string
func (m MapCarrier) Get(k string) string { return m[k] }
type TextMapPropagator interface {
	Inject(ctx context.Context, c TextMapCarrier)
	Extract(ctx context.Context, c TextMapCarrier) context.Context
	Fields() []string
}
type TraceContext struct{}
func (TraceContext) Inject(ctx context.Context, c TextMapCarrier) {}
func (TraceContext) Extract(ctx context.Context, c TextMapCarrier) context.Context { return ctx }
func (TraceContext) Fields() []string { return nil }`,
}

// fakeImporter type-checks the fake packages of srcs (import path →
// source) on demand, and any other package with std (if set). The api
// tests use it to check matchers against small, exact API shapes.
type fakeImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
	srcs map[string]string
	std  types.Importer
}

func newFakeImporter(fset *token.FileSet, srcs map[string]string, std types.Importer) *fakeImporter {
	return &fakeImporter{fset: fset, pkgs: map[string]*types.Package{}, srcs: srcs, std: std}
}

func (im *fakeImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		return p, nil
	}
	src, ok := im.srcs[path]
	if !ok {
		if im.std == nil {
			return nil, fmt.Errorf("no fake package %q", path)
		}
		return im.std.Import(path)
	}
	f, err := parser.ParseFile(im.fset, path+".go", src, 0)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Importer: im}
	p, err := conf.Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[path] = p
	return p, nil
}

type checked struct {
	fset *token.FileSet
	file *ast.File
	pkg  *types.Package
	info *types.Info
}

func check(t *testing.T, src string) checked {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Scopes: map[ast.Node]*types.Scope{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Instances: map[*ast.Ident]types.Instance{},
	}
	im := newFakeImporter(fset, fakeSources, importer.ForCompiler(fset, "source", nil))
	conf := types.Config{Importer: im}
	pkg, err := conf.Check("example.com/x", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return checked{fset, f, pkg, info}
}

// marks returns the calls mark("name") of the file by name, with the
// function nodes enclosing each, outermost first.
func (c checked) marks() map[string]struct {
	pos   token.Pos
	funcs []ast.Node
} {
	out := map[string]struct {
		pos   token.Pos
		funcs []ast.Node
	}{}
	ast.Inspect(c.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "mark" {
			return true
		}
		name := strings.Trim(call.Args[0].(*ast.BasicLit).Value, `"`)
		path, _ := astutil.PathEnclosingInterval(c.file, call.Pos(), call.End())
		var funcs []ast.Node
		for i := len(path) - 1; i >= 0; i-- {
			switch path[i].(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				funcs = append(funcs, path[i])
			}
		}
		out[name] = struct {
			pos   token.Pos
			funcs []ast.Node
		}{call.Pos(), funcs}
		return true
	})
	return out
}

const contextSrc = `package x

import (
	"context"
	"net/http"

	"example.com/fw"
)

func mark(string) {}

func Param(ctx context.Context) { mark("param") }

func Blank(_ context.Context) { mark("blank") }

func Nothing() { mark("nothing") }

func Local(r *http.Request) {
	mark("before-local")
	ctx := r.Context()
	mark("after-local")
	_ = ctx
}

func Latest(a context.Context) {
	b := context.WithoutCancel(a)
	mark("latest")
	_ = b
}

func Shadow(ctx context.Context, r *http.Request) {
	{
		ctx := 1
		mark("shadowed")
		_ = ctx
	}
}

func Handler(ctx context.Context, register func(func(http.ResponseWriter, *http.Request))) {
	register(func(w http.ResponseWriter, r *http.Request) { mark("handler-literal") })
	func() { mark("closure") }()
}

func Result() (ctx context.Context) { mark("named-result"); return nil }

func MadeRequest() {
	var req *http.Request
	mark("request-local")
	_ = req
}

func Generic[C context.Context](c C) { mark("type-param") }

type constraint interface{ context.Context; Name() string }

func Generic2[C constraint](c C) { mark("type-param-embedded") }

func Carrier(c *fw.Ctx) { mark("carrier-method") }

func CarrierEcho(e fw.Echo) { mark("carrier-echo") }

func CarrierNative(n *fw.Native) { mark("carrier-native") }

func CarrierOpaque(o fw.Opaque) { mark("carrier-opaque") }

func CarrierLoses(ctx context.Context, c *fw.Ctx) { mark("carrier-loses") }

type S struct{}

func (s *S) Method(ctx context.Context) { mark("method") }

var Lit = func(ctx context.Context) { mark("package-literal") }

// Req is a framework's request context, configured as a carrier.
type Req struct{ ctx context.Context }

// Context is Req's context accessor: r is no source inside it.
func (r *Req) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	mark("accessor")
	return nil
}

func (r *Req) Fetch() { mark("carrier-receiver") }

func (r *Req) Ctx(ctx context.Context) context.Context { mark("accessor-with-param"); return ctx }
`

func TestContextAt(t *testing.T) {
	SetContextCarriers([]string{"example.com/fw.Ctx", "example.com/fw.Echo", "example.com/fw.Native", "example.com/fw.Opaque", "example.com/x.Req"})
	t.Cleanup(func() { SetContextCarriers(nil) })
	c := check(t, contextSrc)
	marks := c.marks()
	for _, tc := range []struct {
		mark string
		want string // Describe(), or "" for no context
		kind ContextSourceKind
	}{
		{"param", "ctx (parameter of Param)", CtxParam},
		{"blank", "", 0},
		{"nothing", "", 0},
		{"before-local", "r.Context() (request of Local)", CtxRequest},
		{"after-local", "ctx (local variable of Local)", CtxLocal},
		{"latest", "b (local variable of Latest)", CtxLocal},
		{"shadowed", "r.Context() (request of Shadow)", CtxRequest},
		{"handler-literal", "r.Context() (request of the enclosing function literal)", CtxRequest},
		{"closure", "ctx (parameter of Handler)", CtxParam},
		{"named-result", "", 0},
		{"request-local", "", 0},
		{"type-param", "c (parameter of Generic)", CtxParam},
		{"type-param-embedded", "c (parameter of Generic2)", CtxParam},
		{"carrier-method", "c.Context() (from a parameter of Carrier)", CtxCarrier},
		{"carrier-echo", "e.Request().Context() (from a parameter of CarrierEcho)", CtxCarrier},
		{"carrier-native", "n (from a parameter of CarrierNative)", CtxCarrier},
		{"carrier-opaque", "the context carried by o (parameter of CarrierOpaque)", CtxCarrier},
		{"carrier-loses", "ctx (parameter of CarrierLoses)", CtxParam},
		{"method", "ctx (parameter of Method)", CtxParam},
		{"package-literal", "ctx (parameter of the enclosing function literal)", CtxParam},
		{"accessor", "", 0},
		{"carrier-receiver", "r.Context() (from the receiver of Fetch)", CtxCarrier},
		{"accessor-with-param", "ctx (parameter of Ctx)", CtxParam},
	} {
		m, ok := marks[tc.mark]
		if !ok {
			t.Fatalf("no mark %q", tc.mark)
		}
		src, found := ContextAt(c.pkg, c.info, m.funcs, m.pos)
		switch {
		case tc.want == "" && found:
			t.Errorf("%s: found %q, want no context", tc.mark, src.Describe())
		case tc.want != "" && !found:
			t.Errorf("%s: no context, want %q", tc.mark, tc.want)
		case found && (src.Describe() != tc.want || src.Kind != tc.kind):
			t.Errorf("%s: got %q (kind %d), want %q (kind %d)", tc.mark, src.Describe(), src.Kind, tc.want, tc.kind)
		}
	}
}

func TestContextAtExcept(t *testing.T) {
	c := check(t, contextSrc)
	m := c.marks()["latest"]
	skipB := func(v *types.Var) bool { return v.Name() == "b" }
	src, found := ContextAtExcept(c.pkg, c.info, m.funcs, m.pos, skipB)
	if !found || src.Describe() != "a (parameter of Latest)" {
		t.Errorf("skipping b: got %q, %v; want a (parameter of Latest)", src.Describe(), found)
	}
	all := func(*types.Var) bool { return true }
	if src, found := ContextAtExcept(c.pkg, c.info, m.funcs, m.pos, all); found {
		t.Errorf("skipping everything: found %q", src.Describe())
	}
}

func TestContextAtWithoutCarriers(t *testing.T) {
	SetContextCarriers(nil)
	c := check(t, contextSrc)
	m := c.marks()["carrier-method"]
	if src, found := ContextAt(c.pkg, c.info, m.funcs, m.pos); found {
		t.Errorf("carrier without configuration: found %q", src.Describe())
	}
}

func TestContextAtPartialInfo(t *testing.T) {
	c := check(t, contextSrc)
	m := c.marks()["param"]
	if _, found := ContextAt(c.pkg, nil, m.funcs, m.pos); found {
		t.Error("nil info: found a context")
	}
	if _, found := ContextAt(nil, c.info, m.funcs, m.pos); found {
		t.Error("nil package: found a context")
	}
	if _, found := ContextAt(c.pkg, c.info, m.funcs, token.NoPos); found {
		t.Error("no position: found a context")
	}
	empty := &types.Info{}
	if src, found := ContextAt(c.pkg, empty, m.funcs, m.pos); found && src.Kind == CtxParam {
		t.Errorf("no scopes recorded: %q is called a parameter", src.Describe())
	}
}

func TestFreshAndExtract(t *testing.T) {
	c := check(t, `package x

import (
	"context"

	"go.opentelemetry.io/otel/propagation"
)

type notProp struct{}

func (notProp) Extract(ctx context.Context, c propagation.TextMapCarrier) context.Context { return ctx }

func F(p propagation.TextMapPropagator, m propagation.MapCarrier) {
	_ = context.Background()
	_ = context.TODO()
	_ = context.WithoutCancel(nil)
	_ = p.Extract(nil, m)
	_ = propagation.TraceContext{}.Extract(nil, m)
	_ = notProp{}.Extract(nil, m)
}
`)
	var got []string
	ast.Inspect(c.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name, fresh := IsFreshContext(c.info, call)
		got = append(got, fmt.Sprintf("%s:%v/%v", ShortFuncName(Callee(c.info, call)), fresh && name != "", IsPropagatorExtract(c.info, call)))
		return true
	})
	want := "context.Background:true/false context.TODO:true/false context.WithoutCancel:false/false " +
		"(propagation.TextMapPropagator).Extract:false/true (propagation.TraceContext).Extract:false/true " +
		"(x.notProp).Extract:false/false"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestRetainsContext(t *testing.T) {
	c := check(t, `package x

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// tokenSourceConfig is how prometheus/common abstracts its OAuth2 configs.
type tokenSourceConfig interface {
	TokenSource(ctx context.Context) oauth2.TokenSource
}

type clientFunc func(ctx context.Context) *http.Client

func fetch(ctx context.Context, url string) (string, error) { return "", nil }

func clientOf(name string) *http.Client { return nil }

func F(ctx context.Context, conf *oauth2.Config, tc tokenSourceConfig, src oauth2.TokenSource, f clientFunc) {
	_ = conf.TokenSource(ctx, nil)
	_ = conf.Client(ctx, nil)
	_ = oauth2.NewClient(ctx, src)
	_ = tc.TokenSource(ctx)
	_ = f(ctx)
	_, _ = conf.Exchange(ctx, "code")
	_, _ = fetch(ctx, "u")
	_ = clientOf("x")
	_ = clientFunc(nil)
}
`)
	var got []string
	ast.Inspect(c.file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			got = append(got, fmt.Sprintf("%s:%v", types.ExprString(call.Fun), RetainsContext(c.info, call)))
		}
		return true
	})
	want := "conf.TokenSource:true conf.Client:true oauth2.NewClient:true tc.TokenSource:true f:true " +
		"conf.Exchange:false fetch:false clientOf:false clientFunc:false"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

// TestCtxTwinNotDropIn: go-oidc's VerifierContext builds a verifier with a
// fresh, uncached key set, so Verifier is not reported for it; another
// method of the same type with a true twin still is.
func TestCtxTwinNotDropIn(t *testing.T) {
	c := check(t, `package x
import (
	"context"
	"github.com/coreos/go-oidc/v3/oidc"
)
func verify(ctx context.Context, p *oidc.Provider) {
	_ = p.Verifier(&oidc.Config{})
	_, _ = p.UserInfo(nil)
}`)
	got := map[string]bool{}
	ast.Inspect(c.file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if cl, ok := CtxTwinOf(c.info, c.pkg, call); ok {
				got[cl.Func.Name()] = true
			}
		}
		return true
	})
	if got["Verifier"] || !got["UserInfo"] {
		t.Errorf("CtxTwinOf found twins for %v; want UserInfo only", got)
	}
}
