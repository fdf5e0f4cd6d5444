package lint

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsTestFile reports whether the file containing pos is a _test.go file.
func IsTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
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
