package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigFile: .otellint.yml, found from the working directory up to the
// module root or given with -config, has the schema of the golangci-lint
// plugin's settings; flags override it; unknown keys and bad values fail
// naming the key.
func TestConfigFile(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	findings := func(args ...string) []string {
		t.Helper()
		code, stdout, stderr := run(t, bin, dir, append(args, "./...")...)
		if code != 0 && code != 3 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		return positions(parseText(t, stdout))
	}
	// The same block of YAML as the plugin's settings section.
	writeFile(t, filepath.Join(dir, ".otellint.yml"), `# shared with golangci-lint's linters.settings.custom.otellint.settings
ctxprop:
  checks: [ctxless, loop, goroutine, convention]
logmix:
  enabled: false
`)
	want := []string{
		// ctxprop ran without its background check: the directives naming
		// the whole rule silence nothing now.
		"orders/legacy.go:10 otellint/directive",
		"orders/legacy.go:18 otellint/directive",
		"orders/legacy.go:21 otellint/directive",
		"orders/legacy.go:23 otellint/directive", // no reason
		"orders/legacy.go:23 otellint/directive", // silences nothing
		// logmix did not run: neither its finding nor its directive.
		"payments/client.go:15 ctxprop/ctxless",
	}
	if got := findings(); !equalLists(got, want) {
		t.Errorf("with .otellint.yml:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Found from a subdirectory, up to the module root.
	code, stdout, _ := run(t, bin, filepath.Join(dir, "orders"), "./...")
	if code != 3 || strings.Contains(stdout, "ctxprop/background") || strings.Contains(stdout, "logmix/") {
		t.Errorf("run from orders/: the module root's .otellint.yml was not applied:\n%s", stdout)
	}

	// Flags override the file: -logmix runs it although the file switches
	// it off (and, as in the multichecker, -<rule> runs only the rules so
	// named).
	if got := findings("-ctxprop.checks=all", "-ctxprop", "-logmix"); !containsAll(got, "orders/orders.go:21 ctxprop/background", "orders/audit.go:12 logmix/mixed-libraries") {
		t.Errorf("-ctxprop.checks=all -ctxprop -logmix over the file: %v", got)
	}
	if got := findings("-logmix=false"); containsAll(got, "orders/audit.go:12 logmix/mixed-libraries") {
		t.Errorf("-logmix=false: %v", got)
	}

	// -config names another file; an empty file means defaults.
	empty := filepath.Join(t.TempDir(), "empty.yml")
	writeFile(t, empty, "# nothing\n")
	if got := findings("-config", empty); !equalLists(got, fixtureFindings) {
		t.Errorf("-config with an empty file: %v, want the defaults", got)
	}

	// A file above the module root is not read.
	os.Remove(filepath.Join(dir, ".otellint.yml"))
	parent := filepath.Dir(dir)
	writeFile(t, filepath.Join(parent, ".otellint.yml"), "ctxprop:\n  enabled: false\n")
	defer os.Remove(filepath.Join(parent, ".otellint.yml"))
	if got := findings(); !equalLists(got, fixtureFindings) {
		t.Errorf("a .otellint.yml above the module root was applied: %v", got)
	}

	for _, tc := range []struct{ yaml, want string }{
		{"ctxprop:\n  chekcs: [ctxless]\n", `ctxprop: unknown option "chekcs" (known: enabled, checks,`},
		{"spanedn:\n  enabled: false\n", `unknown analyzer "spanedn"`},
		{"logmix:\n  enabled: maybe\n", `logmix: option "enabled": want true or false`},
		{"ctxprop:\n  checks: [nosuch]\n", `ctxprop: option "checks": invalid value "nosuch"`},
		{"ctxprop: [1, 2\n", `.otellint.yml: yaml:`},
	} {
		writeFile(t, filepath.Join(dir, ".otellint.yml"), tc.yaml)
		code, stdout, stderr := run(t, bin, dir, "./...")
		if code != 1 || stdout != "" || !strings.HasPrefix(stderr, "otellint: .otellint.yml: ") || !strings.Contains(stderr, tc.want) {
			t.Errorf(".otellint.yml %q: exit %d, stderr %q; want 1 and %q", tc.yaml, code, stderr, tc.want)
		}
	}
	if code, _, stderr := run(t, bin, dir, "-config=nosuch.yml", "./..."); code != 1 || !strings.Contains(stderr, "nosuch.yml") {
		t.Errorf("-config with a missing file: exit %d, %q", code, stderr)
	}
}

// TestDirectives: //otellint:ignore with an unknown rule or check, without
// a reason, or silencing nothing is reported as otellint/directive;
// -report-unused-ignores=false drops only the last kind; a directive for a
// rule that did not run is not unused.
func TestDirectives(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	_, stdout, _ := run(t, bin, dir, "./orders")
	msgs := map[int]string{}
	for _, f := range parseText(t, stdout) {
		if f.file == filepath.Join("orders", "legacy.go") && f.rule == "otellint" {
			msgs[f.line] = f.message
		}
	}
	for line, want := range map[int]string{
		18: `//otellint:ignore names unknown rule "ctxprp", which silences nothing (known: all, cardinality, ctxprop, logmix,`,
		21: `//otellint:ignore names unknown check "backgrnd" of ctxprop, which silences nothing (known: background, loop,`,
		23: `//otellint:ignore ctxprop gives no reason`,
		26: `//otellint:ignore logmix silences nothing: no logmix finding on this line or the next; remove it`,
	} {
		if !strings.HasPrefix(msgs[line], want) {
			t.Errorf("legacy.go:%d: %q, want it to start %q", line, msgs[line], want)
		}
	}
	if len(msgs) != 4 {
		t.Errorf("%d directive findings in legacy.go, want 4: %v", len(msgs), msgs)
	}
	// The used directive at line 10 silences line 11 and is not reported.
	if strings.Contains(stdout, "legacy.go:10:") || strings.Contains(stdout, "legacy.go:11:") {
		t.Errorf("the used directive or the finding it silences is reported:\n%s", stdout)
	}

	_, stdout, _ = run(t, bin, dir, "-report-unused-ignores=false", "./orders")
	if strings.Contains(stdout, "silences nothing:") || !strings.Contains(stdout, `unknown rule "ctxprp"`) {
		t.Errorf("-report-unused-ignores=false should drop only the unused report:\n%s", stdout)
	}
	// Only ctxprop runs: the logmix directive could not have matched.
	_, stdout, _ = run(t, bin, dir, "-ctxprop", "./orders")
	if strings.Contains(stdout, "logmix silences nothing") || !strings.Contains(stdout, "gives no reason") {
		t.Errorf("-ctxprop: a directive for a rule that did not run is reported unused:\n%s", stdout)
	}
}

// TestGoVetConfigAndDirectives: under go vet the configuration file applies
// (found from the package's directory), flags override it, -V=full changes
// with it so that go vet's cache does not replay old results, and directive
// hygiene stays the standalone command's.
func TestGoVetConfigAndDirectives(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	vet := func(args ...string) (int, string) {
		t.Helper()
		cmd := exec.Command("go", append([]string{"vet", "-vettool=" + bin}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		if exit, ok := err.(*exec.ExitError); ok {
			return exit.ExitCode(), string(out)
		} else if err != nil {
			t.Fatalf("go vet: %v", err)
		}
		return 0, string(out)
	}
	code, out := vet("./payments", "./orders")
	if code != 1 || !strings.Contains(out, "client.go:15:14: http.NewRequest cannot carry ctx") || !strings.Contains(out, "orders.go:21:38:") {
		t.Fatalf("go vet: exit %d, want the findings:\n%s", code, out)
	}
	if strings.Contains(out, "otellint/directive") {
		t.Errorf("go vet reports directive hygiene:\n%s", out)
	}
	versionBefore := vetVersion(t, bin, dir)

	writeFile(t, filepath.Join(dir, ".otellint.yml"), "ctxprop:\n  checks: [background]\nlogmix:\n  enabled: false\n")
	if vetVersion(t, bin, dir) == versionBefore {
		t.Error("-V=full is the same after .otellint.yml changed: go vet would replay cached results")
	}
	code, out = vet("./payments")
	if code != 0 {
		t.Errorf("go vet with ctxless switched off in .otellint.yml: exit %d, want 0\n%s", code, out)
	}
	code, out = vet("-ctxprop.checks=all", "./payments")
	if code != 1 || !strings.Contains(out, "http.NewRequest cannot carry ctx") {
		t.Errorf("go vet -ctxprop.checks=all over the file: exit %d\n%s", code, out)
	}
	code, out = vet("./orders")
	if strings.Contains(out, "logmix") {
		t.Errorf("go vet ran logmix though .otellint.yml switches it off:\n%s", out)
	}
	code, out = vet("-logmix", "./orders")
	if code != 1 || !strings.Contains(out, "mixed-libraries") {
		t.Errorf("go vet -logmix over enabled: false: exit %d\n%s", code, out)
	}
	writeFile(t, filepath.Join(dir, ".otellint.yml"), "ctxprop:\n  nosuch: 1\n")
	code, out = vet("./payments")
	if code == 0 || !strings.Contains(out, `.otellint.yml: ctxprop: unknown option "nosuch"`) {
		t.Errorf("go vet with a bad .otellint.yml: exit %d\n%s", code, out)
	}
}

func vetVersion(t *testing.T, bin, dir string) string {
	t.Helper()
	code, stdout, _ := run(t, bin, dir, "-V=full")
	if code != 0 {
		t.Fatalf("-V=full: exit %d", code)
	}
	return stdout
}

func containsAll(list []string, items ...string) bool {
	for _, it := range items {
		found := false
		for _, s := range list {
			if s == it {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}
