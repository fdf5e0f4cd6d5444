package ctxprop

import (
	"go/ast"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// This file decides which code outside _test.go files is test support:
// shared suites, fixtures and benchmarks that tests call with contexts of
// their own making, where no request's trace is ever at hand.

// isTestHelper reports whether a function of a file that is not a _test.go
// file takes a testing parameter (see api.TakesTestingParam). _test.go files
// are governed by -ctxprop.tests instead.
func (c *collector) isTestHelper(ft *ast.FuncType) bool {
	return ft != nil && !lint.IsTestFile(c.pass, ft.Pos()) && api.TakesTestingParam(c.pass.TypesInfo, ft)
}
