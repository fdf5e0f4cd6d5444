package api

import (
	"go/constant"
	"go/token"
	"go/types"
	"testing"
)

// otelhttpWithVersion returns a stand-in otelhttp package declaring
// Version as a constant (a release since v0.62) or, when version is "", as
// a function (older releases).
func otelhttpWithVersion(version string) *types.Package {
	pkg := types.NewPackage(OtelHTTPPath, "otelhttp")
	if version == "" {
		sig := types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.Typ[types.String])), false)
		pkg.Scope().Insert(types.NewFunc(token.NoPos, pkg, "Version", sig))
		return pkg
	}
	pkg.Scope().Insert(types.NewConst(token.NoPos, pkg, "Version", types.Typ[types.UntypedString], constant.MakeString(version)))
	return pkg
}

func TestOperationNamesSpans(t *testing.T) {
	for _, tc := range []struct {
		version string
		want    bool
	}{
		{"", true}, // Version() string: v0.48 and the like
		{"0.61.0", true},
		{"0.68.0", true},
		{"0.69.0", false},
		{"0.72.0", false},
		{"1.0.0", false},
	} {
		if got := OperationNamesSpans(otelhttpWithVersion(tc.version)); got != tc.want {
			t.Errorf("OperationNamesSpans(Version %q) = %v, want %v", tc.version, got, tc.want)
		}
	}
	if !OperationNamesSpans(types.NewPackage("example.com/otelhttp", "otelhttp")) {
		t.Error("a package other than otelhttp: want true (not this rule's business)")
	}
}
