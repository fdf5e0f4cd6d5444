package ctxprop

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// This file decides which code outside _test.go files is test support:
// shared suites, fixtures and benchmarks that tests call with contexts of
// their own making, where no request's trace is ever at hand.

// testFrameworks are the imports that make a package with a test-like
// path a test-support package.
var testFrameworks = []string{
	"testing",
	"github.com/stretchr/testify",
	"github.com/onsi/gomega",
	"github.com/onsi/ginkgo",
	"github.com/onsi/ginkgo/v2",
	"gotest.tools",
	"gotest.tools/v3",
}

// isTestSupportPackage reports whether pkg is test support by placement
// and by its imports: a segment of its import path (after the module's
// domain) is named like a test package — test, tests, testing, e2e; test
// followed by a support word (testutil, testfixtures, testhelpers,
// testdata, testenv, testserver, ...); a kind of test followed by tests
// (e2etests, integrationtests); or anything followed by test, Go's
// convention (httptest, storetest) — and the package imports testing or a
// test framework.
func isTestSupportPackage(pkg *types.Package) bool {
	if pkg == nil || !api.ImportsAny(pkg, testFrameworks...) {
		return false
	}
	for i, seg := range strings.Split(pkg.Path(), "/") {
		if i == 0 && strings.Contains(seg, ".") {
			continue // the module's domain (example.test)
		}
		if isTestSegment(seg) {
			return true
		}
	}
	return false
}

// testSupportWords follow "test" in the name of a test-support package.
var testSupportWords = []string{"", "s", "ing", "util", "utils", "fixture", "fixtures", "helper", "helpers", "data", "env", "server", "kit", "suite", "suites", "common", "lib", "support", "harness", "infra", "tools"}

// testKinds precede "test" or "tests" in the name of one.
var testKinds = []string{"e2e", "integration", "acceptance", "conformance", "compliance", "load", "bench", "unit", "system", "smoke"}

func isTestSegment(seg string) bool {
	s := strings.NewReplacer("-", "", "_", "", ".", "").Replace(strings.ToLower(seg))
	if s == "e2e" {
		return true
	}
	if rest, ok := strings.CutPrefix(s, "test"); ok {
		for _, w := range testSupportWords {
			if rest == w {
				return true
			}
		}
	}
	for _, k := range testKinds {
		if s == k+"test" || s == k+"tests" || s == k+"testing" {
			return true
		}
	}
	// Go's own convention: httptest, fstest, iotest — X's test support is
	// Xtest.
	return len(s) > len("test") && strings.HasSuffix(s, "test")
}

// isTestHelper reports whether a function of a file that is not a _test.go
// file takes a testing parameter (see api.TakesTestingParam). _test.go files
// are governed by -ctxprop.tests instead.
func (c *collector) isTestHelper(ft *ast.FuncType) bool {
	return ft != nil && !lint.IsTestFile(c.pass, ft.Pos()) && api.TakesTestingParam(c.pass.TypesInfo, ft)
}
