package main_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint"
	"github.com/otellint/otellint/internal/checkdoc"
)

// The integration tests build the command once and run it on copies of the
// fixture module testdata/orders (standard library only, so nothing is
// downloaded), and on testdata/cli of the repository's testdata module.

var (
	sharedBin     string
	sharedBinErr  error
	sharedBinOnce sync.Once
	sharedBinDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedBinDir != "" {
		os.RemoveAll(sharedBinDir)
	}
	os.Exit(code)
}

// cli returns the command built once for all tests of the package.
func cli(t *testing.T) string {
	t.Helper()
	sharedBinOnce.Do(func() {
		sharedBinDir, sharedBinErr = os.MkdirTemp("", "otellint-cli-test")
		if sharedBinErr != nil {
			return
		}
		sharedBin = filepath.Join(sharedBinDir, "otellint")
		out, err := exec.Command("go", "build", "-o", sharedBin, ".").CombinedOutput()
		if err != nil {
			sharedBinErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if sharedBinErr != nil {
		t.Fatal(sharedBinErr)
	}
	return sharedBin
}

// fixture copies testdata/orders to a fresh directory and returns it.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "orders"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// textFinding is one line of the text format.
type textFinding struct {
	file        string
	line, col   int
	message     string
	rule, check string
}

var textLineRE = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*) \(([a-z]+)/([a-z-]+)\)$`)

// parseText parses text output, failing on any line that is not a finding.
func parseText(t *testing.T, stdout string) []textFinding {
	t.Helper()
	var out []textFinding
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if l == "" {
			continue
		}
		m := textLineRE.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("stdout line is not file:line:col: message (rule/check): %q", l)
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		out = append(out, textFinding{m[1], line, col, m[4], m[5], m[6]})
	}
	return out
}

func (f textFinding) String() string {
	return fmt.Sprintf("%s:%d:%d (%s/%s)", f.file, f.line, f.col, f.rule, f.check)
}

// positions lists findings as file:line (rule/check), for comparisons.
func positions(fs []textFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d %s/%s", f.file, f.line, f.rule, f.check))
	}
	return out
}

// fixtureFindings is what the command reports on testdata/orders with its
// defaults, in order.
var fixtureFindings = []string{
	"orders/audit.go:12 logmix/mixed-libraries",
	"orders/legacy.go:18 otellint/directive", // unknown rule ctxprp
	"orders/legacy.go:19 ctxprop/background", // not silenced by the misspelled directive
	"orders/legacy.go:21 otellint/directive", // unknown check
	"orders/legacy.go:23 otellint/directive", // no reason
	"orders/legacy.go:26 otellint/directive", // silences nothing
	"orders/orders.go:21 ctxprop/background",
	"payments/client.go:15 ctxprop/ctxless",
}

func equalLists(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOutputText: findings on stdout sorted by file, line and column with
// paths relative to the working directory; a one-line summary on stderr
// with counts per rule, then each check's documentation link; nothing on a
// clean run.
func TestOutputText(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)

	code, stdout, stderr := run(t, bin, dir, "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	found := parseText(t, stdout)
	if got := positions(found); !equalLists(got, fixtureFindings) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(fixtureFindings, "\n"))
	}
	if !sort.SliceIsSorted(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	}) {
		t.Errorf("findings are not sorted by file, line and column:\n%s", stdout)
	}
	for _, f := range found {
		if filepath.IsAbs(f.file) {
			t.Errorf("%s: want a path relative to the working directory", f)
		}
	}

	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if want := "8 findings: otellint 4, ctxprop 3, logmix 1"; lines[0] != want {
		t.Errorf("summary = %q, want %q", lines[0], want)
	}
	// One documentation link per check with findings, each the check's
	// anchor in docs/checks.md.
	links := map[string]string{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) != 2 {
			t.Errorf("stderr line %q is not '<rule/check> <url>'", l)
			continue
		}
		links[f[0]] = f[1]
	}
	for _, c := range []string{"ctxprop/background", "ctxprop/ctxless", "logmix/mixed-libraries", "otellint/directive"} {
		rule, check, _ := strings.Cut(c, "/")
		want := checkdoc.URL(analyzerNamed(rule), rule, check)
		if links[c] != want || !strings.HasSuffix(want, "docs/checks.md#"+rule+"-"+check) {
			t.Errorf("link of %s = %q, want %q", c, links[c], want)
		}
	}
	if len(links) != 4 {
		t.Errorf("links for %d checks, want 4:\n%s", len(links), stderr)
	}

	// Paths are relative to the working directory, wherever it is.
	code, stdout, _ = run(t, bin, filepath.Join(dir, "orders"), "../payments")
	if code != 3 || !strings.HasPrefix(stdout, filepath.Join("..", "payments", "client.go")+":15:14: ") {
		t.Errorf("run from orders/ on ../payments: exit %d, stdout %q", code, stdout)
	}

	// A clean run prints nothing at all and exits 0.
	code, stdout, stderr = run(t, bin, dir, "./clean")
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("clean run: exit %d, stdout %q, stderr %q; want 0 and no output", code, stdout, stderr)
	}

	// -c N prints the finding's line with N lines around it.
	code, stdout, _ = run(t, bin, dir, "-c=1", "./payments")
	if code != 3 || !strings.Contains(stdout, "\n14\tfunc (c *Client) Refund(") || !strings.Contains(stdout, "\n15\t\treq, err := http.NewRequest(") || !strings.Contains(stdout, "\n16\t\tif err != nil {") {
		t.Errorf("-c=1: exit %d, want the lines 14-16 after the finding:\n%s", code, stdout)
	}
}

func analyzerNamed(name string) *analysis.Analyzer {
	for _, a := range otellint.Analyzers() {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// TestExitCodeContract: 0 clean, 3 findings, 1 load error, in every format,
// and a usage error exits 1 too.
func TestExitCodeContract(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	broken := writeModule(t, map[string]string{
		"go.mod":    "module example.com/broken\n\ngo 1.24\n",
		"broken.go": "package broken\n\nfunc Broken() {\n\treturn 1 +\n}\n",
	})
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for _, tc := range []struct {
			dir, pattern string
			want         int
		}{
			{dir, "./clean", 0},
			{dir, "./...", 3},
			{broken, "./...", 1},
		} {
			code, stdout, stderr := run(t, bin, tc.dir, "-format="+format, tc.pattern)
			if code != tc.want {
				t.Errorf("-format=%s %s in %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", format, tc.pattern, filepath.Base(tc.dir), code, tc.want, stdout, stderr)
			}
		}
	}
	// -json is -format=json.
	if code, _, _ := run(t, bin, dir, "-json", "./..."); code != 3 {
		t.Errorf("-json with findings: exit %d, want 3", code)
	}
	for _, args := range [][]string{
		{"-format=xml", "./..."},
		{"-json", "-format=sarif", "./..."},
		{},
		{"-write-baseline=b.json", "-fix", "./..."},
	} {
		code, stdout, stderr := run(t, bin, dir, args...)
		if code != 1 || stdout != "" || !strings.HasPrefix(stderr, "otellint: ") {
			t.Errorf("usage error %q: exit %d, stdout %q, stderr %q; want 1 and a message", args, code, stdout, stderr)
		}
	}
}

// TestLoadErrors: a package that does not parse, with a test file and an
// importer, prints its error once as file:line:col: message, no "analysis
// skipped" lines, findings of the packages that loaded, and exits 1; in
// JSON and SARIF the error is in the document.
func TestLoadErrors(t *testing.T) {
	bin := cli(t)
	dir := writeModule(t, map[string]string{
		"go.mod":             "module example.com/broken\n\ngo 1.24\n",
		"broken.go":          "package broken\n\nfunc Broken() {\n\treturn 1 +\n}\n",
		"broken_test.go":     "package broken\n\nimport \"testing\"\n\nfunc TestBroken(t *testing.T) { Broken() }\n",
		"user/user.go":       "package user\n\nimport _ \"example.com/broken\"\n",
		"fine/fine.go":       "package fine\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\nfunc Get(ctx context.Context) (*http.Request, error) {\n\treturn http.NewRequest(\"GET\", \"http://x\", nil)\n}\n",
		"typeerr/typeerr.go": "package typeerr\n\nfunc Count() int {\n\treturn \"three\"\n}\n",
	})
	code, stdout, stderr := run(t, bin, dir, "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	wantErrs := []string{
		"broken.go:5:1: ",
		filepath.Join("typeerr", "typeerr.go") + ":4:9: cannot use \"three\"",
	}
	errLines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	for _, w := range wantErrs {
		n := 0
		for _, l := range errLines {
			if strings.HasPrefix(l, w) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr has %d lines starting %q, want exactly 1:\n%s", n, w, stderr)
		}
	}
	if strings.Contains(stderr, "analysis skipped") || strings.Contains(stderr, "failed prerequisites") || strings.Contains(stderr, "# example.com") {
		t.Errorf("stderr repeats the load error in other words:\n%s", stderr)
	}
	if !strings.HasPrefix(stdout, filepath.Join("fine", "fine.go")+":9:9: http.NewRequest cannot carry ctx") {
		t.Errorf("findings of the packages that loaded are still reported; stdout:\n%s", stdout)
	}

	// JSON: the error under "load", once per package.
	code, stdout, _ = run(t, bin, dir, "-json", "./...")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil || code != 1 {
		t.Fatalf("-json: exit %d, not JSON (%v):\n%s", code, err, stdout)
	}
	var loadErr struct{ Error string }
	if err := json.Unmarshal(tree["example.com/broken"]["load"], &loadErr); err != nil || !strings.Contains(loadErr.Error, filepath.Join(dir, "broken.go")+":5:1: ") {
		t.Errorf("-json: example.com/broken load = %s, want the syntax error with its position", tree["example.com/broken"]["load"])
	}
	for pkg, byName := range tree {
		for name, raw := range byName {
			if strings.Contains(string(raw), "analysis skipped") {
				t.Errorf("-json: %s/%s: %s", pkg, name, raw)
			}
		}
	}

	// SARIF: tool execution notifications with locations.
	code, stdout, _ = run(t, bin, dir, "-format=sarif", "./...")
	validateSARIF(t, []byte(stdout))
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || code != 1 {
		t.Fatalf("-format=sarif: exit %d, %v", code, err)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Errorf("SARIF invocation = %+v, want executionSuccessful false and the 2 load errors as notifications", inv)
	}

	// GitHub: ::error commands.
	_, stdout, _ = run(t, bin, dir, "-format=github", "./...")
	if !strings.Contains(stdout, "::error file=broken.go,line=5,col=1,title=otellint%3A package did not load::") {
		t.Errorf("-format=github: no ::error for the syntax error:\n%s", stdout)
	}
}

// TestVersion: -version, -V and "otellint version" print otellint's module
// version ((devel) from a checkout) and the Go version; -V=full speaks go
// vet's protocol.
func TestVersion(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	want := "otellint (devel), built with " + runtime.Version()
	for _, args := range [][]string{{"-version"}, {"version"}, {"-V"}} {
		code, stdout, stderr := run(t, bin, dir, args...)
		if code != 0 || !strings.HasPrefix(stdout, want) || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", args, code, stdout, stderr, want)
		}
	}
	code, stdout, _ := run(t, bin, dir, "-V=full")
	if f := strings.Fields(stdout); code != 0 || len(f) < 4 || f[1] != "version" || f[2] != "devel" || !strings.HasPrefix(f[len(f)-1], "buildID=") || !strings.Contains(stdout, "otellint=(devel)") {
		t.Errorf("-V=full: exit %d, %q; want '<path> version devel otellint=(devel) ... buildID=<id>'", code, stdout)
	}
}

// TestTagsAndTests: -tags selects build-tagged files; -test=false leaves
// _test.go files out. ctxprop reads test files only with -ctxprop.tests.
func TestTagsAndTests(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	has := func(stdout, pos string) bool { return strings.Contains(stdout, pos) }
	_, stdout, _ := run(t, bin, dir, "./...")
	if has(stdout, "sandbox.go") || has(stdout, "orders_test.go") {
		t.Errorf("defaults: want neither orders_test.go nor sandbox.go:\n%s", stdout)
	}
	_, stdout, _ = run(t, bin, dir, "-ctxprop.tests", "./...")
	if !has(stdout, "orders_test.go:9:") {
		t.Errorf("-ctxprop.tests: want orders_test.go:\n%s", stdout)
	}
	_, stdout, _ = run(t, bin, dir, "-tags=sandbox", "-test=false", "-ctxprop.tests", "./...")
	if !has(stdout, filepath.Join("payments", "sandbox.go")+":12:14: http.NewRequest") || has(stdout, "orders_test.go") {
		t.Errorf("-tags=sandbox -test=false: want sandbox.go and no orders_test.go:\n%s", stdout)
	}
}

// TestHelp: help for the command, a rule, a check, the directive check.
func TestHelp(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	code, stdout, _ := run(t, bin, dir, "help")
	if code != 0 {
		t.Errorf("help: exit %d", code)
	}
	for _, a := range otellint.Analyzers() {
		if !strings.Contains(stdout, "\t"+a.Name+" ") {
			t.Errorf("help does not list rule %s:\n%s", a.Name, stdout)
		}
	}
	for _, f := range []string{"-format", "-baseline", "-write-baseline", "-new-from-rev", "-config", "-fix", "-tags", "-report-unused-ignores"} {
		if !strings.Contains(stdout, "  "+f+" ") && !strings.Contains(stdout, "  "+f+"\n") {
			t.Errorf("help does not describe %s", f)
		}
	}

	code, stdout, _ = run(t, bin, dir, "help", "spanend/not-ended")
	url := checkdoc.URL(analyzerNamed("spanend"), "spanend", "not-ended")
	if code != 0 || !strings.HasPrefix(stdout, "spanend/not-ended: a span held in a local variable is not ended") ||
		!strings.Contains(stdout, "Documentation: "+url) || strings.Contains(stdout, "discarded:") {
		t.Errorf("help spanend/not-ended: exit %d, want that check only with its link:\n%s", code, stdout)
	}
	code, stdout, _ = run(t, bin, dir, "help", "spanend")
	if code != 0 || !strings.Contains(stdout, "-spanend.checks") || !strings.Contains(stdout, "discarded:") {
		t.Errorf("help spanend: exit %d, want the rule's flags and checks:\n%s", code, stdout)
	}
	code, stdout, _ = run(t, bin, dir, "help", "otellint/directive")
	if code != 0 || !strings.Contains(stdout, "otellint/directive:") || !strings.Contains(stdout, "-report-unused-ignores") {
		t.Errorf("help otellint/directive: exit %d:\n%s", code, stdout)
	}
	for _, arg := range []string{"nosuchrule", "spanend/nosuchcheck"} {
		code, _, stderr := run(t, bin, dir, "help", arg)
		if code != 1 || !strings.Contains(stderr, "nosuch") {
			t.Errorf("help %s: exit %d, stderr %q; want 1 naming it", arg, code, stderr)
		}
	}
}

// TestNoProgressOnPipes: the progress line is for terminals only; the
// tests' pipes must never see it.
func TestNoProgressOnPipes(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	_, _, stderr := run(t, bin, dir, "./...")
	if strings.ContainsAny(stderr, "\r\x1b") || strings.Contains(stderr, "loading packages") || strings.Contains(stderr, "analyzing ") {
		t.Errorf("progress output on a pipe:\n%q", stderr)
	}
}

// walkFiles lists the files under dir, relative, for error messages.
func walkFiles(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// command is the command run by run, for tests that adjust it.
func command(bin, dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	return cmd
}

// analyzersRun are the rules a run with default settings runs: all.
func analyzersRun() []*analysis.Analyzer { return otellint.Analyzers() }
