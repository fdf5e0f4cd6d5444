package cardinality_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/cardinality"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestCardinality(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, cardinality.Analyzer,
		"./cardinality/middleware",
		"./cardinality/handlers",
		"./cardinality/workers",
		"./cardinality/repositories",
		"./cardinality/registry",
		"./cardinality/promvec",
		"./cardinality/promauto",
		"./cardinality/callbacks",
		"./cardinality/attrslices",
		"./cardinality/semconvattrs",
		"./cardinality/wrappers",
		"./cardinality/sharedmetrics/...",
	)
}

// setFlag sets an analyzer flag for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := cardinality.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag -%s", name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Value.Set(old); err != nil {
			t.Error(err)
		}
	})
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

func TestChecksFlagRejectsUnknown(t *testing.T) {
	f := cardinality.Analyzer.Flags.Lookup("checks")
	if err := f.Value.Set("nonsense"); err == nil {
		t.Error("-cardinality.checks=nonsense was accepted")
	}
	if got, want := f.Value.String(), "key,value,per-request-instrument,missing-unit,coarse-buckets"; got != want {
		t.Errorf("-cardinality.checks = %q after a rejected value, want %q", got, want)
	}
}
