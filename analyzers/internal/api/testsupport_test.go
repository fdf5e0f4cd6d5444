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
