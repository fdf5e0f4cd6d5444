package api

import (
	"go/types"
	"strings"
)

// This file decides which packages outside _test.go files are test
// support: shared suites, fixtures, harnesses and benchmarks that tests
// call with contexts and clients of their own making, where no request's
// trace is ever at hand.

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

// IsTestSupportPackage reports whether pkg is test support by placement
// and by its imports: a segment of its import path (after the module's
// domain) is named like a test package — test, tests, testing, e2e; test
// followed by a support word (testutil, testfixtures, testhelpers,
// testdata, testenv, testserver, ...); a kind of test followed by tests
// (e2etests, integrationtests); e2e or integration alone; or anything followed by test, Go's
// convention (httptest, storetest) — and the package imports testing or a
// test framework.
func IsTestSupportPackage(pkg *types.Package) bool {
	if pkg == nil || !ImportsAny(pkg, testFrameworks...) {
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
	if s == "e2e" || s == "integration" {
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
