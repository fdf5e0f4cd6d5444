package spanname_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanname"
)

func TestSpanName(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, spanname.Analyzer,
		"./spanname/httpmiddleware",
		"./spanname/handlers",
		"./spanname/repositories",
		"./spanname/messaging",
		"./spanname/grpcservice",
		"./spanname/constants/...",
		"./spanname/namedtypes",
		"./spanname/loops",
		"./spanname/sharedtracer/...",
		"./spanname/openapi",
		"./spanname/placeholders",
		"./spanname/bounded",
		"./spanname/duplicates",
		"./spanname/stdoutdemo",
	)
}

// TestPartialTypes runs the rule on a package that does not type-check, as
// golangci-lint may hand it over: it reports what it can see and never
// panics. The CLI does not run rules on such packages (RunDespiteErrors is
// false); the test turns it on.
func TestPartialTypes(t *testing.T) {
	dir := testutil.TestData(t)
	spanname.Analyzer.RunDespiteErrors = true
	t.Cleanup(func() { spanname.Analyzer.RunDespiteErrors = false })
	analysistest.Run(t, dir, spanname.Analyzer, "./spanname/partialtypes")
}

// setFlag sets a flag of the analyzer for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	testutil.SetFlag(t, spanname.Analyzer, name, value)
}

func setStartFuncs(t *testing.T, value string) {
	t.Helper()
	old := api.Config.StartFuncs.String()
	if err := api.Config.StartFuncs.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = api.Config.StartFuncs.Set(old) })
}

func TestStartFuncs(t *testing.T) {
	setStartFuncs(t, `otellint\.test/spanname/wrappers/telemetry\.(StartSpan|Span)`)
	analysistest.Run(t, testutil.TestData(t), spanname.Analyzer, "./spanname/wrappers/...")
}

func TestNameArg(t *testing.T) {
	setStartFuncs(t, `\(\*otellint\.test/spanname/wrappersnamearg\.Tracer\)\.Start`)
	setFlag(t, "name-arg", "2")
	analysistest.Run(t, testutil.TestData(t), spanname.Analyzer, "./spanname/wrappersnamearg")
}

func TestPatternAndAllow(t *testing.T) {
	setFlag(t, "pattern", `[a-z_]+\.[a-z_]+`)
	setFlag(t, "allow", "LegacyAccountOpen, other")
	analysistest.Run(t, testutil.TestData(t), spanname.Analyzer, "./spanname/custompattern")
}

// TestGuideStyle runs the guide's profile: names repeating the function and
// off-convention names are reported on top of the default checks.
func TestGuideStyle(t *testing.T) {
	setFlag(t, "style", "guide")
	analysistest.Run(t, testutil.TestData(t), spanname.Analyzer, "./spanname/guide")
}

func TestChecksFlag(t *testing.T) {
	setFlag(t, "checks", "all,-convention,-function-style,-duplicate")
	analysistest.Run(t, testutil.TestData(t), spanname.Analyzer, "./spanname/checksflag")
}

func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{"pattern", "[a-z", "invalid -spanname.pattern"},
		{"name-arg", "x", "invalid -spanname.name-arg"},
		{"name-arg", "-2", "invalid -spanname.name-arg"},
		{"checks", "dynamic,nope", `unknown check "nope"`},
		{"style", "strict", "invalid -spanname.style"},
	} {
		f := spanname.Analyzer.Flags.Lookup(tc.flag)
		old := f.Value.String()
		err := f.Value.Set(tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%q: error %v, want one containing %q", tc.flag, tc.value, err, tc.want)
		}
		if got := f.Value.String(); got != old {
			t.Errorf("-%s=%q changed the flag to %q despite the error", tc.flag, tc.value, got)
		}
	}
}

// TestFlagsRoundTrip sets every flag and resets it to its default the way
// the golangci-lint plugin does (Set(DefValue)).
func TestFlagsRoundTrip(t *testing.T) {
	for name, value := range map[string]string{
		"checks":   "empty,dynamic",
		"pattern":  `[A-Z]\w*(\.[A-Z]\w*){2}`,
		"allow":    "LegacyName,Other.Name",
		"name-arg": "2",
		"style":    "guide",
	} {
		f := spanname.Analyzer.Flags.Lookup(name)
		if f == nil {
			t.Errorf("no -spanname.%s flag", name)
			continue
		}
		if err := f.Value.Set(value); err != nil {
			t.Errorf("-%s=%q: %v", name, value, err)
		}
		if got := f.Value.String(); got != value {
			t.Errorf("-%s=%q reads back as %q", name, value, got)
		}
		if err := f.Value.Set(f.DefValue); err != nil {
			t.Errorf("-%s: resetting to the default %q: %v", name, f.DefValue, err)
		}
		if got := f.Value.String(); got != f.DefValue {
			t.Errorf("-%s reads %q after reset, want the default %q", name, got, f.DefValue)
		}
	}
}

// TestOtelhttpOperation checks otelhttp's operation argument where it still
// names server spans: a module of its own pins otelhttp v0.68.0, before
// spans were named "{method} {route}". It also holds a bunrouter service
// whose middleware renames the span after the route.
func TestOtelhttpOperation(t *testing.T) {
	dir := testutil.Module(t, "otelhttp068")
	analysistest.Run(t, dir, spanname.Analyzer, "./...")
}
