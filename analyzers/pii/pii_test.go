package pii_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/pii"
)

func TestPII(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, pii.Analyzer, "./pii/signup", "./pii/payment", "./pii/authmw", "./pii/userrepo", "./pii/baggageprop", "./pii/httpdump", "./pii/structlog", "./pii/orders", "./pii/logwrapper", "./pii/cookiejar", "./pii/secrettype", "./pii/nilerr", "./pii/metricnames", "./pii/failedcall", "./pii/ingest", "./pii/login", "./pii/broker", "./pii/seed", "./pii/testenv", "./pii/k8ssecrets", "./pii/consistency", "./pii/shop-demo/...")
}

// setFlags sets the analyzer's flags for one test and restores the
// defaults afterwards.
func setFlags(t *testing.T, values map[string]string) {
	t.Helper()
	for name, value := range values {
		f := pii.Analyzer.Flags.Lookup(name)
		if f == nil {
			t.Fatalf("no flag -%s", name)
		}
		old := f.Value.String()
		if err := f.Value.Set(value); err != nil {
			t.Fatalf("-%s=%s: %v", name, value, err)
		}
		t.Cleanup(func() {
			if err := f.Value.Set(old); err != nil {
				t.Errorf("restoring -%s: %v", name, err)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	dir := testutil.TestData(t)
	setFlags(t, map[string]string{
		"words":     "loyalty_number",
		"ignore":    "pwd",
		"optional":  "ip,name",
		"tag":       "gdpr:personal",
		"redactors": "scrub,(*otellint.test/pii/configured.Vault).Seal",
		"checks":    "all,-struct-dump",
	})
	analysistest.Run(t, dir, pii.Analyzer, "./pii/configured")
}
