package sdksetup_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/lint"
	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/sdksetup"
)

func TestAnalyzer(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, sdksetup.Analyzer,
		"./sdksetup/observability",
		"./sdksetup/wftracing",
		"./sdksetup/spantest",
		"./sdksetup/guidemain",
		"./sdksetup/guideverbatim",
		"./sdksetup/leakymain",
		"./sdksetup/shutdown",
		"./sdksetup/factories",
		"./sdksetup/testsyncer",
		"./sdksetup/sampling",
		"./sdksetup/propagator/...",
		"./sdksetup/servicenamedefault",
		"./sdksetup/tracetesthelper",
		"./sdksetup/stdoutdemo",
		"./sdksetup/examples/...",
		"./sdksetup/stdoutplusotlp",
		"./sdksetup/promreader",
	)
}

func TestSyncExportFix(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.RunWithSuggestedFixes(t, dir, sdksetup.Analyzer, "./sdksetup/syncfix", "./sdksetup/configprocessor")
	testutil.BuildGolden(t, "sdksetup/syncfix", "sdksetup/configprocessor")
}

// setFlag sets a flag of the analyzer for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	testutil.SetFlag(t, sdksetup.Analyzer, name, value)
}

func TestServiceNameFlag(t *testing.T) {
	setFlag(t, "service-name", "true")
	if got := sdksetup.Analyzer.Flags.Lookup("checks").Value.String(); !strings.Contains(got, "service-name") {
		t.Errorf("-service-name did not enable the check: checks = %q", got)
	}
	analysistest.Run(t, testutil.TestData(t), sdksetup.Analyzer, "./sdksetup/servicename")
}

func TestChecksFlagEnablesServiceName(t *testing.T) {
	setFlag(t, "checks", "all")
	if got := sdksetup.Analyzer.Flags.Lookup("service-name").Value.String(); got != "true" {
		t.Errorf("-service-name = %s after -checks=all, want true", got)
	}
	analysistest.Run(t, testutil.TestData(t), sdksetup.Analyzer, "./sdksetup/servicename")
}

func TestServiceNameFlagOff(t *testing.T) {
	setFlag(t, "checks", "all")
	if err := sdksetup.Analyzer.Flags.Set("service-name", "false"); err != nil {
		t.Fatal(err)
	}
	if got := sdksetup.Analyzer.Flags.Lookup("checks").Value.String(); got != "shutdown,sync-export,full-sampling,propagator" {
		t.Errorf("-checks=all -service-name=false: checks = %q", got)
	}
}

func TestChecksFlagSelects(t *testing.T) {
	setFlag(t, "checks", "shutdown")
	analysistest.Run(t, testutil.TestData(t), sdksetup.Analyzer, "./sdksetup/checksflag")
}

func TestFlagDefaultsAndErrors(t *testing.T) {
	if got := sdksetup.Analyzer.Flags.Lookup("checks").DefValue; got != "shutdown,sync-export,full-sampling,propagator" {
		t.Errorf("default checks = %q", got)
	}
	if got := sdksetup.Analyzer.Flags.Lookup("service-name").DefValue; got != "false" {
		t.Errorf("default service-name = %q", got)
	}
	if err := sdksetup.Analyzer.Flags.Set("checks", "shutdown,nope"); err == nil || !strings.Contains(err.Error(), `unknown check "nope"`) {
		t.Errorf("Set(checks, shutdown,nope) error = %v, want unknown check", err)
	}
	if err := sdksetup.Analyzer.Flags.Set("service-name", "maybe"); err == nil {
		t.Error("Set(service-name, maybe) succeeded, want an error")
	}
	if got := sdksetup.Analyzer.Flags.Lookup("checks").Value.String(); got != "shutdown,sync-export,full-sampling,propagator" {
		t.Errorf("failed Sets changed checks to %q", got)
	}
}

// TestPartialTypeInfo runs the analyzer on set-up code whose type
// information is missing: it must neither panic nor report.
func TestPartialTypeInfo(t *testing.T) {
	const src = `package p

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func setup(ctx context.Context, exp sdktrace.SpanExporter) {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp), sdktrace.WithSampler(sdktrace.AlwaysSample()))
	otel.SetTracerProvider(tp)
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("example.com/p", "p")
	pkg.SetImports([]*types.Package{
		types.NewPackage("go.opentelemetry.io/otel", "otel"),
		types.NewPackage("go.opentelemetry.io/otel/sdk/trace", "trace"),
	})
	for _, info := range []*types.Info{nil, {}, {Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}} {
		var got []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:  sdksetup.Analyzer,
			Fset:      fset,
			Files:     []*ast.File{f},
			Pkg:       pkg,
			TypesInfo: info,
			ResultOf: map[*analysis.Analyzer]any{
				inspect.Analyzer:    inspector.New([]*ast.File{f}),
				lint.IgnoreAnalyzer: (*lint.Ignores)(nil),
			},
			Report: func(d analysis.Diagnostic) { got = append(got, d) },
		}
		if _, err := sdksetup.Analyzer.Run(pass); err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("with partial type info: %d findings, want none: %v", len(got), got[0].Message)
		}
	}
}
