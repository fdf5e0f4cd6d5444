package ctxprop_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/ctxprop"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// fixPackages have suggested fixes, each checked against .golden files.
var fixPackages = []string{
	"handlers", "repository", "workers", "goroutines", "closures", "httpclient",
	"consumers", "shutdown", "convention", "generics", "mainpkg", "testfiles", "lifetimes",
	"detached", "teardown", "links", "emptyroots", "suites", "chained", "callbacks",
	"callerroots", "cmd/reindex/traced", "components/ring",
}

// quietPackages have no findings: a framework type without
// -ctxprop.context-types, test support, a command that never traces.
var quietPackages = []string{
	"carriers/plain", "blockscli", "suites/storetest", "suites/testutil", "cmd/reindex/steps",
}

func patterns(pkgs ...string) []string {
	out := make([]string, len(pkgs))
	for i, p := range pkgs {
		out[i] = "otellint.test/ctxprop/" + p
	}
	return out
}

// TestCtxprop checks every situation in one load, with -ctxprop.tests so
// that the situations written as _test.go files are checked too:
// diagnostics against // want, fixes against .golden files. carriers/plain
// has no findings: without -ctxprop.context-types a framework type is no
// context.
func TestCtxprop(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "tests", "true")
	analysistest.RunWithSuggestedFixes(t, dir, ctxprop.Analyzer, patterns(append(fixPackages, quietPackages...)...)...)
}

func TestFixesCompile(t *testing.T) {
	var pkgs []string
	for _, p := range append(fixPackages, "carriers", "pairs") {
		pkgs = append(pkgs, "ctxprop/"+p)
	}
	testutil.BuildGolden(t, pkgs...)
}

// setFlag sets a flag of the analyzer for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	testutil.SetFlag(t, ctxprop.Analyzer, name, value)
}

func TestContextTypes(t *testing.T) {
	dir := testutil.TestData(t)
	fw := "otellint.test/ctxprop/carriers/fw."
	setFlag(t, "context-types", fw+"Ctx,"+fw+"Echo, "+fw+"Native,"+fw+"Opaque,otellint.test/ctxprop/carriers.Session")
	analysistest.RunWithSuggestedFixes(t, dir, ctxprop.Analyzer, patterns("carriers")...)
}

func TestPairs(t *testing.T) {
	dir := testutil.TestData(t)
	legacy := "otellint.test/ctxprop/pairs/legacy"
	setFlag(t, "pairs", "(*"+legacy+".Client).Fetch=FetchCtx, (*"+legacy+".Client).Send=SendWithContext,"+legacy+".Publish=PublishCtx")
	analysistest.RunWithSuggestedFixes(t, dir, ctxprop.Analyzer, patterns("pairs")...)
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestTestsFlag: testsoff's _test.go has a finding without a // want. By
// default (_test.go files are not checked) the package is clean; with
// -ctxprop.tests it is not.
func TestTestsFlag(t *testing.T) {
	dir := testutil.TestData(t)
	t.Run("default", func(t *testing.T) {
		analysistest.Run(t, dir, ctxprop.Analyzer, patterns("testsoff")...)
	})
	t.Run("on", func(t *testing.T) {
		setFlag(t, "tests", "true")
		var rec recorder
		analysistest.Run(&rec, dir, ctxprop.Analyzer, patterns("testsoff")...)
		found := false
		for _, e := range rec.errs {
			if strings.Contains(e, "jobs_test.go") && strings.Contains(e, "unexpected diagnostic: use ctx (parameter of runHelper) instead of context.Background() (ctxprop/background)") {
				found = true
			} else {
				t.Errorf("unexpected complaint: %s", e)
			}
		}
		if !found {
			t.Errorf("with -ctxprop.tests=true the finding in jobs_test.go was not reported; complaints: %q", rec.errs)
		}
	})
}

func TestChecksFlag(t *testing.T) {
	dir := testutil.TestData(t)
	// With only the convention check on, the convention package's other
	// findings are gone and its convention ones remain: analysistest would
	// complain about every unmatched // want, so count them instead.
	setFlag(t, "checks", "all,-convention")
	var rec recorder
	analysistest.Run(&rec, dir, ctxprop.Analyzer, patterns("convention")...)
	missing := 0
	for _, e := range rec.errs {
		if strings.Contains(e, "no diagnostic was reported matching") && strings.Contains(e, "ctxprop/convention") {
			missing++
		} else {
			t.Errorf("unexpected complaint: %s", e)
		}
	}
	if missing != 8 {
		t.Errorf("with -ctxprop.checks=all,-convention, %d convention expectations went unmatched, want 8", missing)
	}
}

func TestFlagErrors(t *testing.T) {
	for name, bad := range map[string]string{
		"context-types": "NoPackage",
		"pairs":         "(*a/b.C).Get",
		"checks":        "nonsense",
	} {
		if err := ctxprop.Analyzer.Flags.Set(name, bad); err == nil {
			t.Errorf("-%s=%s: no error", name, bad)
		}
	}
}
