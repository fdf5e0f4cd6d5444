package api

import (
	"go/ast"
	"go/types"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCtxlessTable checks every row against the real standard library: the
// context-less function exists, and a mechanical rewrite produces a call of
// a function that exists and takes a context followed by the same
// parameters (plus the row's Extra arguments), so the fixes compile.
func TestCtxlessTable(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library")
	}
	paths := map[string]bool{}
	for name := range ctxlessTable {
		paths[pkgPathOf(name)] = true
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes, Env: append(os.Environ(), "GOWORK=off")}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p.Types
	}
	for name, spec := range ctxlessTable {
		fn := lookupFullName(byPath[pkgPathOf(name)], name)
		if fn == nil {
			t.Errorf("%s: no such function", name)
			continue
		}
		if FullName(fn) != name {
			t.Errorf("%s: go/types calls it %s", name, FullName(fn))
		}
		have := fn.Type().(*types.Signature)
		var twin *types.Func
		switch spec.Rewrite {
		case RewriteNone:
			if spec.Hint == "" || !strings.Contains(spec.Hint, "%[1]s") {
				t.Errorf("%s: message-only row without a hint naming the context", name)
			}
			continue
		case RewriteTwin:
			if have.Recv() != nil {
				obj, _, _ := types.LookupFieldOrMethod(have.Recv().Type(), true, fn.Pkg(), spec.Twin)
				twin, _ = obj.(*types.Func)
			} else {
				twin, _ = fn.Pkg().Scope().Lookup(spec.Twin).(*types.Func)
			}
		case RewriteDialer:
			twin = lookupFullName(fn.Pkg(), "(*net.Dialer)."+spec.Twin)
		case RewriteResolver:
			twin = lookupFullName(fn.Pkg(), "(*net.Resolver)."+spec.Twin)
			if fn.Pkg().Scope().Lookup("DefaultResolver") == nil {
				t.Errorf("%s: no net.DefaultResolver", name)
			}
		}
		if twin == nil {
			t.Errorf("%s: twin %s not found", name, spec.Twin)
			continue
		}
		want := twin.Type().(*types.Signature)
		if spec.Extra != "" {
			// Drop the extra parameters after the context for the comparison.
			n := len(strings.Split(spec.Extra, ","))
			var vs []*types.Var
			for i := 0; i < want.Params().Len(); i++ {
				if i < 1 || i > n {
					vs = append(vs, want.Params().At(i))
				}
			}
			want = types.NewSignatureType(nil, nil, nil, types.NewTuple(vs...), want.Results(), want.Variadic())
		}
		if !twinSignature(have, want) {
			t.Errorf("%s → %s: %s is not %s with a leading context", name, spec.Twin, want, have)
		}
	}
}

// pkgPathOf returns the package path of a full function name.
func pkgPathOf(name string) string {
	name = strings.TrimLeft(name, "(*")
	if i := strings.Index(name, ")"); i >= 0 {
		name = name[:i]
	}
	return name[:strings.LastIndexByte(name, '.')]
}

// lookupFullName finds a package function or method by its full name.
func lookupFullName(pkg *types.Package, name string) *types.Func {
	if pkg == nil {
		return nil
	}
	if !strings.HasPrefix(name, "(") {
		fn, _ := pkg.Scope().Lookup(name[strings.LastIndexByte(name, '.')+1:]).(*types.Func)
		return fn
	}
	recv := strings.TrimLeft(name[:strings.Index(name, ")")], "(*")
	tn, _ := pkg.Scope().Lookup(recv[strings.LastIndexByte(recv, '.')+1:]).(*types.TypeName)
	if tn == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, name[strings.LastIndexByte(name, '.')+1:])
	fn, _ := obj.(*types.Func)
	return fn
}

const conventionSrc = `package x

import "context"

type Client struct{}

func (Client) Get(k string) (string, error)                                  { return k, nil }
func (Client) GetContext(ctx context.Context, k string) (string, error)      { return k, nil }
func (Client) Del(k string) error                                            { return nil }
func (Client) DelContext(ctx context.Context, k string) (int, error)         { return 0, nil }
func (Client) Keys(p ...string) []string                                     { return nil }
func (Client) KeysContext(ctx context.Context, p []string) []string          { return nil }
func (Client) Scan(p string, o ...string) []string                           { return nil }
func (Client) ScanContext(ctx context.Context, p string, o ...string) []string { return nil }
func (Client) Last(k string) error                                           { return nil }
func (Client) LastContext(k string, ctx context.Context) error               { return nil }
func (Client) Has(ctx context.Context, k string) bool                        { return false }
func (Client) HasContext(ctx context.Context, k string) bool                 { return false }
func (Client) Old(k string) error                                            { return nil }
func (Client) OldCtx(ctx context.Context, k string) error                    { return nil }
func (Client) Send(m string) error                                           { return nil }
func (Client) SendWith(ctx context.Context, m string, retries int) error    { return nil }

type Store interface {
	Load(k string) string
	LoadContext(ctx context.Context, k string) string
}

type Cache[K comparable, V any] struct{}

func (*Cache[K, V]) Peek(k K) V                             { var v V; return v }
func (*Cache[K, V]) PeekContext(ctx context.Context, k K) V { var v V; return v }

func Fetch[T any](url string) T                             { var t T; return t }
func FetchContext[T any](ctx context.Context, url string) T { var t T; return t }

func Plain(s string) int                            { return 0 }
func PlainContext(ctx context.Context, s int) int { return 0 }

func use(c Client, s Store, cache *Cache[string, int]) {
	c.Get("k")           // twin: GetContext
	c.Del("k")           // no twin: results differ
	c.Keys("a")          // no twin: variadic differs
	c.Scan("p", "o")     // twin: ScanContext
	c.Last("k")          // no twin: context not first
	c.Has(nil, "k")      // no twin: already takes a context
	s.Load("k")          // twin: LoadContext
	cache.Peek("k")      // twin: PeekContext
	Fetch[int]("u")      // twin: FetchContext
	Fetch[string]("u")   // twin: FetchContext
	Plain("s")           // no twin: parameters differ
	Client.Get(c, "k")   // no twin: method expression
	c.Old("k")           // pair: OldCtx
	c.Send("m")          // pair: SendWith
}
`

func TestCtxTwinOf(t *testing.T) {
	c := check(t, conventionSrc)
	SetCtxlessPairs(map[string]string{"(example.com/x.Client).Old": "OldCtx", "(example.com/x.Client).Send": "SendWith"})
	t.Cleanup(func() { SetCtxlessPairs(nil) })
	var use *ast.FuncDecl
	for _, d := range c.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "use" {
			use = fd
		}
	}
	for _, stmt := range use.Body.List {
		call := stmt.(*ast.ExprStmt).X.(*ast.CallExpr)
		line := c.fset.Position(call.Pos()).Line
		var comment string
		for _, l := range strings.Split(conventionSrc, "\n")[line-1 : line] {
			comment = strings.TrimSpace(l[strings.Index(l, "//")+2:])
		}
		got := "no twin"
		if cl, ok := CtxTwinOf(c.info, c.pkg, call); ok {
			got = "twin: " + cl.Twin
			if !cl.Convention || cl.Rewrite != RewriteTwin {
				t.Errorf("line %d: convention twin not marked as such: %+v", line, cl.CtxlessSpec)
			}
		} else if cl, ok := CtxlessOf(c.info, c.pkg, call); ok {
			got = "pair: " + cl.Twin
			proven := cl.Twin == "OldCtx"
			if (cl.Rewrite == RewriteTwin) != proven {
				t.Errorf("line %d: pair %s rewrite %d, want proven=%v", line, cl.Twin, cl.Rewrite, proven)
			}
		}
		if !strings.HasPrefix(comment, got) {
			t.Errorf("line %d: got %q, want %q", line, got, comment)
		}
	}
	if got := CtxlessPairs(); !reflect.DeepEqual(got, []string{"(example.com/x.Client).Old=OldCtx", "(example.com/x.Client).Send=SendWith"}) {
		t.Errorf("CtxlessPairs = %q", got)
	}
}

func TestSplitTopLevel(t *testing.T) {
	got := SplitTopLevel(" (*a/b.Cache[K, V]).Get=GetCtx, a/b.F=FCtx,,(a.I).M=MC ")
	want := []string{"(*a/b.Cache[K, V]).Get=GetCtx", "a/b.F=FCtx", "(a.I).M=MC"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SplitTopLevel = %q, want %q", got, want)
	}
}

func TestShortFuncName(t *testing.T) {
	c := check(t, conventionSrc)
	for name, want := range map[string]string{"Get": "(x.Client).Get", "Peek": "(*x.Cache[K, V]).Peek", "Fetch": "x.Fetch", "Load": "(x.Store).Load"} {
		var fn *types.Func
		for id, obj := range c.info.Defs {
			if f, ok := obj.(*types.Func); ok && id.Name == name {
				fn = f
			}
		}
		if got := ShortFuncName(fn); got != want {
			t.Errorf("ShortFuncName(%s) = %q, want %q", name, got, want)
		}
	}
}
