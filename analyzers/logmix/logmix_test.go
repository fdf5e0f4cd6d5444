package logmix_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/logmix"
)

// fixPackages have suggested fixes and .golden files.
var fixPackages = []string{
	"./logmix/handlers",
	"./logmix/workers",
	"./logmix/retention",
	"./logmix/actionlistener",
	"./logmix/engine",
	"./logmix/detector",
	"./logmix/lifecycle",
	"./logmix/feed",
	"./logmix/logrussvc",
	"./logmix/zerologsvc",
	"./logmix/zerologmw",
	"./logmix/subscriber",
}

// TestLogmix runs missing-context in its broad mode (-logmix.spans-only=false:
// any context in scope), which most packages here exercise; TestSpansOnly
// runs the default.
func TestLogmix(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "spans-only", "false")
	analysistest.Run(t, dir, logmix.Analyzer,
		"./logmix/mixedservice",
		"./logmix/tie", "./logmix/tiedstructured",
		"./logmix/cli",
		"./logmix/servicemain",
		"./logmix/repository",
		"./logmix/bridge",
		"./logmix/fmtonly",
		"./logmix/stdlogsvc",
		"./logmix/cgiout",
		"./logmix/runpattern",
		"./logmix/signalmain",
		"./logmix/rederived",
		"./logmix/cobracli",
		"./logmix/cobraexit",
		"./logmix/cigroup",
		"./logmix/tracemw",
		"./logmix/kingpintool",
		"./logmix/stdlogcli",
		"./logmix/slogmigration",
		"./logmix/versionflag",
		"./logmix/zerolognohook",
		"./logmix/loadtool",
		"./logmix/cmd/benchtool/report",
		"./logmix/cmd/loadgen",
		"./logmix/recoverer/...",
		"./logmix/logsetup",
		"./logmix/testutil/harness",
		"./logmix/cmd/gateway/proxy",
		"./logmix/notify",
		"./logmix/banner",
		"./logmix/appcmd",
		"./logmix/logrustesthook/...",
		"./logmix/schematool",
		"./logmix/cmd/deployctl/...",
	)
}

func TestLogmixFixes(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "spans-only", "false")
	analysistest.RunWithSuggestedFixes(t, dir, logmix.Analyzer, fixPackages...)
	var pkgs []string
	for _, p := range fixPackages {
		pkgs = append(pkgs, p[2:])
	}
	testutil.BuildGolden(t, pkgs...)
}

// TestOtelzap checks the otelzap service. The testdata module resolves
// go.opentelemetry.io/otel/log to v1.47, against which otelzap v0.3.2's
// dependency otelutil does not compile (it was written for otel/log v0.6):
// otelzap's API types are complete, its function bodies are not. The test
// therefore lets the analyzer run despite the dependency's errors and
// checks that the fixed code type-checks instead of building it.
func TestOtelzap(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "spans-only", "false")
	logmix.Analyzer.RunDespiteErrors = true
	t.Cleanup(func() { logmix.Analyzer.RunDespiteErrors = false })
	// broken does not type-check at all: no panic, and only findings on
	// what resolves.
	analysistest.RunWithSuggestedFixes(t, dir, logmix.Analyzer, "./logmix/otelzapsvc", "./logmix/broken")
	typeCheckGolden(t, dir, "logmix/otelzapsvc")
}

// typeCheckGolden loads pkg with each file.go replaced by file.go.golden
// and fails on errors in pkg itself (not in its dependencies).
func typeCheckGolden(t *testing.T, dir, pkg string) {
	t.Helper()
	goldens, _ := filepath.Glob(filepath.Join(dir, pkg, "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatalf("no .go.golden files in %s", pkg)
	}
	overlay := map[string][]byte{}
	for _, g := range goldens {
		src, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		overlay[strings.TrimSuffix(g, ".golden")] = src
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     dir,
		Overlay: overlay,
		Env:     append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./"+pkg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("the fixed code of %s does not type-check: %v", pkg, e)
		}
	}
}

// setFlag sets a flag of the analyzer for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	testutil.SetFlag(t, logmix.Analyzer, name, value)
}

// TestPolicyFlags runs with a team standard (-logmix.logger), test files
// included, the context check off and an adapter package listed.
func TestPolicyFlags(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "logger", "slog")
	setFlag(t, "tests", "true")
	setFlag(t, "context", "false")
	setFlag(t, "bridges", "otellint.test/logmix/policy/adapters")
	analysistest.Run(t, dir, logmix.Analyzer, "./logmix/policy", "./logmix/policy/adapters")
}

// TestSpansOnly runs the default, -logmix.spans-only: a context with no
// span in sight is not reported.
func TestSpansOnly(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, logmix.Analyzer, "./logmix/spansonly")
}

// TestHotPath runs only the hot-path check (-logmix.checks): the package
// deliberately builds loggers of every library.
func TestHotPath(t *testing.T) {
	dir := testutil.TestData(t)
	setFlag(t, "checks", "hot-path-logger")
	analysistest.Run(t, dir, logmix.Analyzer, "./logmix/hotpath")
}

func TestFlagValidation(t *testing.T) {
	for name, bad := range map[string]string{"logger": "log4j", "checks": "no-such-check"} {
		f := logmix.Analyzer.Flags.Lookup(name)
		if err := f.Value.Set(bad); err == nil {
			t.Errorf("-logmix.%s=%s accepted, want an error", name, bad)
		}
	}
	if got := logmix.Analyzer.Flags.Lookup("logger").Value.String(); got != "" {
		t.Errorf("-logmix.logger default = %q, want empty", got)
	}
}
