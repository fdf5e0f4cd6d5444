package lint

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsTestFile reports whether the file containing pos is a _test.go file.
func IsTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// isTestDoubleFile reports whether pos lies in a hand-written test double
// outside a _test.go file, named so by Go convention: mock.go, mocks.go,
// fake.go, fakes.go, or a name starting with mock_ or fake_ or ending in
// _mock.go or _fake.go (mock_grpc_server.go, store_fake.go). Only tests
// use them.
func isTestDoubleFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	if f == nil {
		return false
	}
	name := strings.TrimSuffix(filepath.Base(f.Name()), ".go")
	switch name {
	case "mock", "mocks", "fake", "fakes":
		return true
	}
	for _, w := range []string{"mock", "fake"} {
		if strings.HasPrefix(name, w+"_") || strings.HasSuffix(name, "_"+w) {
			return true
		}
	}
	return false
}

// IsTestSupportFile reports whether pos lies in a file that only tests
// use, outside a _test.go file: a test double (isTestDoubleFile) or a file
// of test helpers named so by convention — testing.go, testutil.go,
// testutils.go, testhelper.go, testhelpers.go, or a name starting with
// test_ or testing_ (test_helpers.go, test_server.go).
func IsTestSupportFile(pass *analysis.Pass, pos token.Pos) bool {
	if isTestDoubleFile(pass, pos) {
		return true
	}
	f := pass.Fset.File(pos)
	if f == nil {
		return false
	}
	name := strings.TrimSuffix(filepath.Base(f.Name()), ".go")
	switch name {
	case "testing", "testutil", "testutils", "testhelper", "testhelpers":
		return true
	}
	return strings.HasPrefix(name, "test_") || strings.HasPrefix(name, "testing_")
}

// IsGenerated reports whether file carries the standard "Code generated ...
// DO NOT EDIT." header.
func IsGenerated(file *ast.File) bool {
	return ast.IsGenerated(file)
}

// EnclosingFunc returns the innermost *ast.FuncDecl or *ast.FuncLit in stack
// (as given by inspector.WithStack, outermost first), or nil.
func EnclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// EnclosingFuncs returns the *ast.FuncDecl and *ast.FuncLit nodes of stack,
// outermost first.
func EnclosingFuncs(stack []ast.Node) []ast.Node {
	var out []ast.Node
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			out = append(out, n)
		}
	}
	return out
}

// EnclosingFuncDecl returns the outermost *ast.FuncDecl in stack, or nil.
func EnclosingFuncDecl(stack []ast.Node) *ast.FuncDecl {
	for _, n := range stack {
		if fd, ok := n.(*ast.FuncDecl); ok {
			return fd
		}
	}
	return nil
}

// FuncBody returns the body and type of a *ast.FuncDecl or *ast.FuncLit.
func FuncBody(fn ast.Node) (*ast.BlockStmt, *ast.FuncType) {
	switch f := fn.(type) {
	case *ast.FuncDecl:
		return f.Body, f.Type
	case *ast.FuncLit:
		return f.Body, f.Type
	}
	return nil, nil
}
