package spanend

import (
	"go/types"
	"testing"
)

func TestMayUseSpans(t *testing.T) {
	trace := types.NewPackage("go.opentelemetry.io/otel/trace", "trace")
	tracing := types.NewPackage("github.com/acme/tracing", "tracing")
	tracing.SetImports([]*types.Package{trace})
	metric := types.NewPackage("go.opentelemetry.io/otel/metric", "metric")

	direct := types.NewPackage("example.com/direct", "direct")
	direct.SetImports([]*types.Package{metric})
	viaWrapper := types.NewPackage("example.com/viawrapper", "viawrapper")
	viaWrapper.SetImports([]*types.Package{tracing})
	unrelated := types.NewPackage("example.com/unrelated", "unrelated")
	unrelated.SetImports([]*types.Package{types.NewPackage("strings", "strings")})

	for _, tc := range []struct {
		pkg  *types.Package
		want bool
	}{
		{direct, true},     // imports an OpenTelemetry package
		{viaWrapper, true}, // reaches the trace API through an in-house wrapper
		{unrelated, false},
		{nil, false},
	} {
		if got := mayUseSpans(tc.pkg); got != tc.want {
			t.Errorf("mayUseSpans(%v) = %v, want %v", tc.pkg, got, tc.want)
		}
	}
}
