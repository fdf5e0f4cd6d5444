package spanend_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanend"
)

// packages are the testdata situations checked with the default flags.
var packages = []string{
	"./spanend/callerspan",
	"./spanend/closures",
	"./spanend/defererr",
	"./spanend/deferstatus",
	"./spanend/discarded",
	"./spanend/earlyreturn",
	"./spanend/failedjobs",
	"./spanend/fanout",
	"./spanend/generics",
	"./spanend/goroutines",
	"./spanend/handlederrors",
	"./spanend/helpers",
	"./spanend/ignored",
	"./spanend/iterators",
	"./spanend/labeled",
	"./spanend/localwrappers",
	"./spanend/loops",
	"./spanend/loopspans",
	"./spanend/methods",
	"./spanend/noreturn",
	"./spanend/onebranch",
	"./spanend/overwritten",
	"./spanend/printed",
	"./spanend/recorderror",
	"./spanend/restartflag",
	"./spanend/returned",
	"./spanend/selects",
	"./spanend/switches",
	"./spanend/testfiles",
	"./spanend/usedafterend",
}

func TestSpanend(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, packages...)
}

// complaints collects analysistest's complaints instead of failing.
type complaints struct{ errs []string }

func (c *complaints) Errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// TestTestsFlag: testfiles' _test.go leaves a span open without a // want.
// By default (TestSpanend) it is not reported; with -spanend.tests it is,
// and nothing else changes.
func TestTestsFlag(t *testing.T) {
	testutil.SetFlag(t, spanend.Analyzer, "tests", "true")
	var rec complaints
	analysistest.Run(&rec, testutil.TestData(t), spanend.Analyzer, "./spanend/testfiles")
	found := false
	for _, e := range rec.errs {
		if strings.Contains(e, "invoices_test.go:14") && strings.Contains(e, "unexpected diagnostic") && strings.Contains(e, "(spanend/not-ended)") {
			found = true
		} else {
			t.Errorf("unexpected complaint: %s", e)
		}
	}
	if !found {
		t.Errorf("with -spanend.tests the span left open in invoices_test.go was not reported; complaints: %q", rec.errs)
	}
}

// TestPartialTypeInfo runs the rule on a package that does not type-check,
// as golangci-lint does: no panic, no guess where types are missing, and
// the findings where they are known.
func TestPartialTypeInfo(t *testing.T) {
	old := spanend.Analyzer.RunDespiteErrors
	spanend.Analyzer.RunDespiteErrors = true
	t.Cleanup(func() { spanend.Analyzer.RunDespiteErrors = old })
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, "./spanend/partialinfo")
}

// TestFixes applies the suggested fixes and compares with the .golden
// files, then checks that the fixed code compiles.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(t), spanend.Analyzer, "./spanend/fixes")
	testutil.BuildGolden(t, "spanend/fixes")
}

// setFlag sets a flag of the analyzer for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	testutil.SetFlag(t, spanend.Analyzer, name, value)
}

// TestStartFuncs configures in-house start wrappers; Tracer.Start stays a
// start. The wrapper package itself returns its spans and is clean.
func TestStartFuncs(t *testing.T) {
	setFlag(t, "start-funcs", `otellint\.test/spanend/wrappers/tracing\.(StartSpan|Begin), \(\*otellint\.test/spanend/wrappers/tracing\.Tracer\)\.Span`)
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, "./spanend/wrappers/...")
}

// TestChecksFlag switches checks off: the package reports only what is on.
func TestChecksFlag(t *testing.T) {
	setFlag(t, "checks", "all,-recorderror,-discarded")
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, "./spanend/checksoff")
}

func TestFlagErrors(t *testing.T) {
	if err := spanend.Analyzer.Flags.Set("checks", "not-ended,bogus"); err == nil || !strings.Contains(err.Error(), `unknown check "bogus"`) {
		t.Errorf("-checks=not-ended,bogus: err = %v, want unknown check", err)
	}
	if err := spanend.Analyzer.Flags.Set("start-funcs", "("); err == nil {
		t.Error("-start-funcs=( accepted an invalid regexp")
	}
	// A failed Set leaves the previous value in place.
	if got := spanend.Analyzer.Flags.Lookup("start-funcs").Value.String(); got != "" {
		t.Errorf("-start-funcs after a failed Set = %q, want empty", got)
	}
}

func TestDoc(t *testing.T) {
	doc := spanend.Analyzer.Doc
	for _, want := range []string{"not-ended", "discarded", "overwritten", "defer-in-loop", "used-after-end", "defer-captures-err", "recorderror", "-spanend.checks", "-spanend.start-funcs"} {
		if !strings.Contains(doc, want) {
			t.Errorf("Analyzer.Doc does not mention %s", want)
		}
	}
}

// TestLeafSpan switches on the leaf-span check (off by default): spans
// around pure computation are reported, spans around I/O, locks, loops,
// callbacks, recorded errors and handed-on contexts are not.
func TestLeafSpan(t *testing.T) {
	setFlag(t, "checks", "leaf-span")
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, "./spanend/leafspans", "./spanend/leafdemo")
}
