package main_test

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/otellint/otellint"
)

// finding is one diagnostic, reduced to where it is and which rule made it.
type finding struct {
	file string // relative to the module root
	line int
	rule string
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):\d+$`)

// lint runs the CLI with -json on the module in dir and returns its findings.
func lint(t *testing.T, bin, dir string) []finding {
	t.Helper()
	code, stdout, stderr := run(t, bin, dir, "-json", "./...")
	if code != 0 && code != 3 {
		t.Fatalf("otellint -json ./... in %s: exit %d\n%s", dir, code, stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, stdout)
	}
	var out []finding
	for pkg, byRule := range tree {
		for rule, raw := range byRule {
			var diags []struct {
				Posn    string `json:"posn"`
				Message string `json:"message"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s/%s: not a diagnostic list (an analyzer error?): %s", pkg, rule, raw)
			}
			for _, d := range diags {
				m := posnRE.FindStringSubmatch(d.Posn)
				if m == nil {
					t.Fatalf("unexpected posn %q", d.Posn)
				}
				rel, err := filepath.Rel(dir, m[1])
				if err != nil {
					t.Fatal(err)
				}
				line := 0
				for _, c := range m[2] {
					line = line*10 + int(c-'0')
				}
				out = append(out, finding{filepath.ToSlash(rel), line, rule})
				t.Logf("%s:%s: %s", rel, m[2], d.Message)
			}
		}
	}
	return out
}

var markerRE = regexp.MustCompile(`// MISTAKE\((\w+)\)`)

// mistakes returns the lines of the demo marked "// MISTAKE(rule)". Every
// other line of the demo is meant to be correct.
func mistakes(t *testing.T, dir string) map[finding]bool {
	t.Helper()
	marked := map[finding]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			for _, m := range markerRE.FindAllStringSubmatch(sc.Text(), -1) {
				marked[finding{filepath.ToSlash(rel), n, m[1]}] = true
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return marked
}

func downloadModules(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}

// TestDemo runs the CLI on the bundled demo service: every rule reports at
// least once, findings land exactly on the lines marked as mistakes, and
// -fix on a copy yields code that builds and has fewer findings.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and lints the demo module")
	}
	bin := buildCLI(t)
	demo, err := filepath.Abs(filepath.Join("..", "..", "examples", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	downloadModules(t, demo)

	found := lint(t, bin, demo)
	marked := mistakes(t, demo)
	if len(marked) == 0 {
		t.Fatal("the demo marks no mistakes")
	}

	perRule := map[string]int{}
	got := map[finding]bool{}
	for _, f := range found {
		perRule[f.rule]++
		got[f] = true
		if !marked[f] {
			t.Errorf("%s:%d: %s reports a line not marked // MISTAKE(%s)", f.file, f.line, f.rule, f.rule)
		}
	}
	for m := range marked {
		if !got[m] {
			t.Errorf("%s:%d: marked // MISTAKE(%s) but %s reports nothing there", m.file, m.line, m.rule, m.rule)
		}
	}
	for _, a := range otellint.Analyzers() {
		if perRule[a.Name] == 0 {
			t.Errorf("%s reports nothing on the demo", a.Name)
		}
	}

	t.Run("fix", func(t *testing.T) {
		cp := t.TempDir()
		if err := os.CopyFS(cp, os.DirFS(demo)); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, bin, cp, "-fix", "./...")
		if code != 0 && code != 3 {
			t.Fatalf("otellint -fix: exit %d\n%s", code, stderr)
		}
		build := exec.Command("go", "build", "./...")
		build.Dir = cp
		build.Env = append(os.Environ(), "GOWORK=off")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("the fixed demo does not build: %v\n%s", err, out)
		}
		after := lint(t, bin, cp)
		if len(after) >= len(found) {
			t.Errorf("-fix left %d findings, want fewer than the %d before", len(after), len(found))
		}
		var rules []string
		for _, f := range after {
			rules = append(rules, f.rule)
		}
		sort.Strings(rules)
		t.Logf("after -fix: %d findings (%s)", len(after), strings.Join(rules, ", "))
	})
}
