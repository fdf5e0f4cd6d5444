package api

import (
	"go/types"
	"testing"

	"github.com/otellint/otellint/analyzers/internal/testutil"
)

var pkgWithImports = testutil.PackageWithImports

func TestIsTestSupportPackage(t *testing.T) {
	for _, tc := range []struct {
		pkg  *types.Package
		want bool
	}{
		{pkgWithImports("example.com/svc/pkg/storage/test", "test", "testing"), true},
		{pkgWithImports("example.com/svc/pkg/testutil/e2eutil", "e2eutil", "testing"), true},
		{pkgWithImports("example.com/svc/pkg/testfixtures/storage", "storage", "github.com/stretchr/testify/require"), true},
		{pkgWithImports("example.com/svc/pkg/storetest", "storetest", "testing"), true},
		{pkgWithImports("example.com/svc/integrationtests", "integrationtests", "testing"), true},
		{pkgWithImports("example.com/svc/integration/util", "util", "github.com/stretchr/testify/require"), true},
		{pkgWithImports("example.com/svc/pkg/integration/slack", "slack", "net/http"), false}, // an integration with a product, no test framework
		{pkgWithImports("example.com/svc/pkg/storage/test", "test", "context"), false},        // no test framework
		{pkgWithImports("example.com/svc/pkg/attestation", "attestation", "testing"), false},
		{pkgWithImports("example.com/svc/pkg/testament", "testament", "testing"), false},
		{pkgWithImports("example.test/ctxprop/handlers", "handlers", "testing"), false}, // the module's domain
	} {
		if got := IsTestSupportPackage(tc.pkg); got != tc.want {
			t.Errorf("IsTestSupportPackage(%s) = %v, want %v", tc.pkg.Path(), got, tc.want)
		}
	}
}

func TestInExampleTree(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/org/otel-contrib/examples/dice":           true,
		"github.com/org/repo/instrumentation/x/example":       true,
		"github.com/org/opentelemetry-demo/src/checkout":      true,
		"github.com/org/shop_demo/payment":                    true,
		"example.com/shop/telemetry":                          false, // a host, not an example tree
		"github.com/org/svc/internal/demographics":            false,
		"github.com/org/svc/pkg/examplestore":                 false,
		"github.com/org/democracy-api/internal/ballots/tally": false,
	} {
		if got := InExampleTree(path); got != want {
			t.Errorf("InExampleTree(%q) = %v, want %v", path, got, want)
		}
	}
}
