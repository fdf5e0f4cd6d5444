package cardinality_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/cardinality"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestCardinality runs every check, coarse-buckets (off by default)
// included.
func TestCardinality(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "checks", "all")
	analysistest.Run(t, dir, cardinality.Analyzer,
		"./cardinality/middleware",
		"./cardinality/handlers",
		"./cardinality/workers",
		"./cardinality/repositories",
		"./cardinality/registry",
		"./cardinality/promvec",
		"./cardinality/dashlinks",
		"./cardinality/routemetrics",
		"./cardinality/examples/promcompat",
		"./cardinality/promauto",
		"./cardinality/callbacks",
		"./cardinality/attrslices",
		"./cardinality/semconvattrs",
		"./cardinality/wrappers",
		"./cardinality/sharedmetrics/...",
		"./cardinality/tenants",
		"./cardinality/tenantqueue",
		"./cardinality/pertenant",
		"./cardinality/listindex",
		"./cardinality/startup",
		"./cardinality/batchbuckets",
		"./cardinality/workerslots",
	)
}

// setFlag sets a flag of the analyzer for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	testutil.SetFlag(t, cardinality.Analyzer, name, value)
}

func TestKeysFlag(t *testing.T) {
	setFlag(t, "keys", "tenant_id,conn.id")
	analysistest.Run(t, testutil.TestData(t), cardinality.Analyzer, "./cardinality/flags/keys")
}

func TestAllowFlag(t *testing.T) {
	setFlag(t, "allow", "path,device_id")
	analysistest.Run(t, testutil.TestData(t), cardinality.Analyzer, "./cardinality/flags/allow")
}

func TestChecksFlag(t *testing.T) {
	setFlag(t, "checks", "all,-key,-missing-unit")
	analysistest.Run(t, testutil.TestData(t), cardinality.Analyzer, "./cardinality/flags/checks")
}

// TestDefaultChecks runs the default checks: coarse-buckets is opt-in.
func TestDefaultChecks(t *testing.T) {
	if got, want := cardinality.Analyzer.Flags.Lookup("checks").DefValue, "key,value,per-request-instrument,missing-unit,counter-decrement,gauge-as-counter,exemplars"; got != want {
		t.Errorf("default -cardinality.checks = %q, want %q", got, want)
	}
	analysistest.Run(t, testutil.TestData(t), cardinality.Analyzer, "./cardinality/flags/defaultchecks")
}

func TestChecksFlagRejectsUnknown(t *testing.T) {
	f := cardinality.Analyzer.Flags.Lookup("checks")
	if err := f.Value.Set("nonsense"); err == nil {
		t.Error("-cardinality.checks=nonsense was accepted")
	}
	if got, want := f.Value.String(), "key,value,per-request-instrument,missing-unit,counter-decrement,gauge-as-counter,exemplars"; got != want {
		t.Errorf("-cardinality.checks = %q after a rejected value, want %q", got, want)
	}
}

func TestMetricTypes(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), cardinality.Analyzer, "./cardinality/inflight", "./cardinality/runningtotals")
}

func TestExemplars(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.RunWithSuggestedFixes(t, dir, cardinality.Analyzer, "./cardinality/exemplars/...")
	testutil.BuildGolden(t, "cardinality/exemplars/tracedsvc")
}
