package ctxprop

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// fakeGRPC is the part of google.golang.org/grpc that buildsConnection
// looks at: the testdata module does not depend on gRPC.
const fakeGRPC = `package grpc

import "context"

type ClientConn struct{}

func DialContext(ctx context.Context, target string) (*ClientConn, error) { return nil, nil }
`

const connSrc = `package x

import (
	"context"

	"google.golang.org/grpc"
)

type worker struct{}

func (w *worker) connect(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr)
}

func (w *worker) fetch(ctx context.Context, addr string) ([]byte, error) { return nil, nil }

func use(w *worker) {
	_, _ = w.connect(context.Background(), "a")
	_, _ = grpc.DialContext(context.Background(), "b")
	_, _ = w.fetch(context.Background(), "c")
}
`

type grpcImporter struct {
	fset *token.FileSet
	std  types.Importer
	pkg  *types.Package
}

func (im *grpcImporter) Import(path string) (*types.Package, error) {
	if path != "google.golang.org/grpc" {
		return im.std.Import(path)
	}
	if im.pkg != nil {
		return im.pkg, nil
	}
	f, err := parser.ParseFile(im.fset, "grpc.go", fakeGRPC, 0)
	if err != nil {
		return nil, err
	}
	im.pkg, err = (&types.Config{Importer: im.std}).Check(path, im.fset, []*ast.File{f}, nil)
	return im.pkg, err
}

// TestBuildsConnection: a fresh root given to a call returning a
// *grpc.ClientConn — grpc's own dial or a same-package helper — is a dial
// context; a call returning anything else is not.
func TestBuildsConnection(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", connSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	im := &grpcImporter{fset: fset, std: importer.ForCompiler(fset, "source", nil)}
	if _, err := (&types.Config{Importer: im}).Check("example.com/x", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"connect": true, "DialContext": true, "fetch": false}
	seen := 0
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if w, ok := want[sel.Sel.Name]; ok && len(call.Args) == 2 {
			if _, isLit := call.Args[1].(*ast.BasicLit); !isLit {
				return true // the call inside connect
			}
			seen++
			if got := buildsConnection(info, call); got != w {
				t.Errorf("buildsConnection(%s(...)) = %v, want %v", sel.Sel.Name, got, w)
			}
		}
		return true
	})
	if seen != len(want) {
		t.Errorf("checked %d calls, want %d", seen, len(want))
	}
}

var pkgWithImports = testutil.PackageWithImports

func TestIsUntracedCommand(t *testing.T) {
	for _, tc := range []struct {
		pkg  *types.Package
		want bool
	}{
		{pkgWithImports("example.com/tool/cmd/blocks", "main", "context", "example.com/tool/store"), true},
		{pkgWithImports("example.com/svc/cmd/svc", "main", "context", "go.opentelemetry.io/otel/sdk/trace"), false},
		{pkgWithImports("example.com/svc/cmd/svc", "main", "github.com/grafana/dskit/tracing"), false},
		{pkgWithImports("example.com/svc/cmd/svc", "main", "go.opentelemetry.io/otel"), false},
		{pkgWithImports("example.com/tool/cmd/validate", "validate", "github.com/spf13/cobra", "example.com/tool/store"), true},
		{pkgWithImports("example.com/tool/cmd/run", "run", "github.com/spf13/cobra", "go.opentelemetry.io/otel/exporters/otlp/otlptrace"), false},
		{pkgWithImports("example.com/svc/store", "store", "context", "database/sql"), false},
	} {
		if got := isUntracedCommand(tc.pkg); got != tc.want {
			t.Errorf("isUntracedCommand(%s %v) = %v, want %v", tc.pkg.Path(), tc.pkg.Imports(), got, tc.want)
		}
	}
}

// TestSaysDetached: comments that explain a fresh context, in the shapes
// found on real code (our words), and comments that do not.
func TestSaysDetached(t *testing.T) {
	for text, want := range map[string]bool{
		"// Use a detached context so the flush completes on shutdown.":                          true,
		"//nolint:contextcheck // the checker outlives Start":                                    true,
		"// The work must outlive the request.":                                                  true,
		"// We use a background context here: the batch must run even if ctx is cancelled.":      true,
		"// When the context is canceled we still wait; therefore [context.Background] is used.": true,
		"// Spawn a new context so the deletion mark is written in full.":                        true,
		"// Context is not used here as the job runs for hours.":                                 true,
		"// We don't use the Run() context here, so that senders can drain.":                     true,
		"// Commit the new position.":                                                            false,
		"// TODO: use a context detached from ctx here.":                                         false,
		"// Cancel after five seconds.":                                                          false,
		"// load the user from the database":                                                     false,
		"":                                                                                       false,
	} {
		if got := saysDetached(text); got != want {
			t.Errorf("saysDetached(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestIsExpectation(t *testing.T) {
	for text, want := range map[string]bool{
		"// want `use ctx`":      true,
		`// want "use ctx"`:      true,
		"// want the flush done": false,
		"// detached on purpose": false,
	} {
		if got := isExpectation(text); got != want {
			t.Errorf("isExpectation(%q) = %v, want %v", text, got, want)
		}
	}
}
