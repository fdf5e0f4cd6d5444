package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaseline: -write-baseline records every finding by file, function,
// check and message; -baseline then reports nothing, still nothing after a
// line is inserted above the findings, and only the new one when a finding
// is added, even next to an identical recorded one (duplicates are
// counted).
func TestBaseline(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	base := filepath.Join(dir, ".otellint-baseline.json")

	code, stdout, stderr := run(t, bin, dir, "-write-baseline", base, "./...")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote 8 findings (8 entries) to .otellint-baseline.json") {
		t.Fatalf("-write-baseline: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	var bf struct {
		Version  int
		Findings []struct {
			File, Function, Check, Message string
			Count                          int
		}
	}
	data, err := os.ReadFile(base)
	if err != nil || json.Unmarshal(data, &bf) != nil || bf.Version != 1 || len(bf.Findings) != 8 {
		t.Fatalf("baseline file (%v):\n%s", err, data)
	}
	for _, e := range bf.Findings {
		if e.File == "payments/client.go" {
			if e.Function != "(*Client).Refund" || e.Check != "ctxprop/ctxless" || e.Count != 1 || strings.ContainsAny(e.Message, "0123456789") {
				t.Errorf("baseline entry %+v: want function (*Client).Refund, its check, count 1, numbers masked", e)
			}
		}
	}

	code, stdout, stderr = run(t, bin, dir, "-baseline", base, "./...")
	if code != 0 || stdout != "" || stderr != "no findings; 8 more in the baseline\n" {
		t.Errorf("-baseline right after writing it: exit %d, stdout %q, stderr %q; want 0 and a note", code, stdout, stderr)
	}

	// Unrelated edits: a comment block above every finding of a file, and
	// a changed line number inside a message (the directive's).
	client := filepath.Join(dir, "payments", "client.go")
	insertAfterLine(t, client, 12, "// Refund is retried by the caller.\n// It is idempotent.\n")
	orders := filepath.Join(dir, "orders", "orders.go")
	insertAfterLine(t, orders, 3, "\n// Orders are kept for a year.\n")
	code, stdout, stderr = run(t, bin, dir, "-baseline", base, "./...")
	if code != 0 || stdout != "" {
		t.Errorf("-baseline after inserting lines above findings: exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	// A second identical finding in the same function is new: the
	// baseline counts one.
	replaceInFile(t, client, "\tresp, err := http.DefaultClient.Do(req)",
		"\tif _, err := http.NewRequest(http.MethodHead, c.base, nil); err != nil {\n\t\treturn err\n\t}\n\tresp, err := http.DefaultClient.Do(req)")
	code, stdout, stderr = run(t, bin, dir, "-baseline", base, "./...")
	found := parseText(t, stdout)
	if code != 3 || len(found) != 1 || found[0].check != "ctxless" || found[0].line != 21 {
		t.Errorf("-baseline with a duplicate added: exit %d, want exactly the new ctxless finding at line 21:\n%s%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stderr, "1 finding: ctxprop 1; 8 more in the baseline") {
		t.Errorf("summary = %q", stderr)
	}

	// A fixed finding leaves a stale entry, and the summary says so.
	replaceInFile(t, filepath.Join(dir, "orders", "audit.go"), "\tlog.Printf(\"order %s changed by %s\", id, who)\n", "\tslog.InfoContext(ctx, \"order changed by\", \"who\", who)\n")
	replaceInFile(t, filepath.Join(dir, "orders", "audit.go"), "\t\"log\"\n", "")
	_, _, stderr = run(t, bin, dir, "-baseline", base, "./...")
	if !strings.Contains(stderr, "1 baseline finding is gone (rewrite it with -write-baseline)") {
		t.Errorf("stale baseline entry not mentioned: %q", stderr)
	}

	for _, bad := range []string{"{}", `{"version": 9, "findings": []}`, "not json"} {
		if err := os.WriteFile(base, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, bin, dir, "-baseline", base, "./...")
		if code != 1 || !strings.Contains(stderr, "-baseline") {
			t.Errorf("-baseline with %q: exit %d, stderr %q; want 1", bad, code, stderr)
		}
	}
}

// TestNewFromRev: in a git repository made here, only findings on lines
// changed since the revision are reported — edited lines, added lines,
// untracked files — and a bad revision fails before loading.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	bin := cli(t)
	dir := fixture(t)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=otellint", "-c", "user.email=otellint@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "the orders service")

	code, stdout, stderr := run(t, bin, dir, "-new-from-rev=HEAD", "./...")
	if code != 0 || stdout != "" || stderr != "no findings; 8 more on lines unchanged since HEAD\n" {
		t.Errorf("no change: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// An edited line with a finding, a committed then edited file, a new
	// line with a finding, and an untracked file.
	client := filepath.Join(dir, "payments", "client.go")
	replaceInFile(t, client, `c.base+"/refunds/"+id`, `c.base+"/v2/refunds/"+id`) // line 15: changed
	git("commit", "-q", "-am", "v2 refunds")
	orders := filepath.Join(dir, "orders", "orders.go")
	replaceInFile(t, orders, "func Cancel(ctx context.Context, s *Store, id string) error {\n\tcctx, cancel := context.WithTimeout(ctx, time.Second)",
		"func Cancel(ctx context.Context, s *Store, id string) error {\n\tcctx, cancel := context.WithTimeout(context.TODO(), time.Second)") // line 29: changed, uncommitted
	writeFile(t, filepath.Join(dir, "payments", "status.go"), "package payments\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\nfunc (c *Client) Status(ctx context.Context) (*http.Request, error) {\n\treturn http.NewRequest(http.MethodGet, c.base+\"/status\", nil)\n}\n")

	code, stdout, stderr = run(t, bin, dir, "-new-from-rev=HEAD~1", "./...")
	got := positions(parseText(t, stdout))
	want := []string{
		"orders/orders.go:29 ctxprop/background",
		"payments/client.go:15 ctxprop/ctxless",
		"payments/status.go:9 ctxprop/ctxless",
	}
	if code != 3 || !equalLists(got, want) {
		t.Errorf("-new-from-rev=HEAD~1: exit %d, findings:\n%s\nwant:\n%s\nstderr:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
	if !strings.Contains(stderr, "; 7 more on lines unchanged since HEAD~1") {
		t.Errorf("summary = %q", stderr)
	}
	// Since HEAD, the committed change to client.go is old.
	_, stdout, _ = run(t, bin, dir, "-new-from-rev=HEAD", "./...")
	if got := positions(parseText(t, stdout)); !equalLists(got, []string{want[0], want[2]}) {
		t.Errorf("-new-from-rev=HEAD: %v", got)
	}

	code, stdout, stderr = run(t, bin, dir, "-new-from-rev=no-such-branch", "./...")
	if code != 1 || stdout != "" || !strings.Contains(stderr, `"no-such-branch" is not a revision`) {
		t.Errorf("bad revision: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestFix: -fix applies the fixes, reports what it fixed and every finding
// that remains, and exits 3 while findings remain; the code still builds.
// -diff prints the same edits as a patch and writes nothing.
func TestFix(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	before := map[string]string{}
	for _, f := range walkFiles(dir) {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		before[f] = string(data)
	}

	code, stdout, stderr := run(t, bin, dir, "-diff", "./...")
	if code != 3 || !strings.HasPrefix(stdout, "--- a/orders/legacy.go\n+++ b/orders/legacy.go\n@@ ") || !strings.Contains(stdout, "+\treq, err := http.NewRequestWithContext(ctx, http.MethodPost") {
		t.Errorf("-diff: exit %d, want a patch on stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stderr, "would fix 3 findings in 3 files; 5 findings remain: otellint 4, logmix 1") {
		t.Errorf("-diff summary = %q", stderr)
	}
	for f, content := range before {
		if data, _ := os.ReadFile(filepath.Join(dir, f)); string(data) != content {
			t.Errorf("-diff changed %s", f)
		}
	}
	if _, err := exec.LookPath("git"); err == nil {
		patch := filepath.Join(t.TempDir(), "fix.patch")
		writeFile(t, patch, stdout)
		cmd := exec.Command("git", "apply", "--check", patch)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("git apply --check rejects the -diff patch: %v\n%s", err, out)
		}
	}

	code, stdout, stderr = run(t, bin, dir, "-fix", "./...")
	if code != 3 {
		t.Errorf("-fix with findings left: exit %d, want 3", code)
	}
	if !strings.HasPrefix(stderr, "fixed 3 findings in 3 files; 5 findings remain: otellint 4, logmix 1") {
		t.Errorf("-fix summary = %q", stderr)
	}
	remaining := positions(parseText(t, stdout))
	want := []string{
		"orders/audit.go:12 logmix/mixed-libraries",
		"orders/legacy.go:18 otellint/directive",
		"orders/legacy.go:21 otellint/directive",
		"orders/legacy.go:23 otellint/directive",
		"orders/legacy.go:26 otellint/directive",
	}
	if !equalLists(remaining, want) {
		t.Errorf("after -fix:\n%s\nwant:\n%s", strings.Join(remaining, "\n"), strings.Join(want, "\n"))
	}
	data, _ := os.ReadFile(filepath.Join(dir, "payments", "client.go"))
	if !strings.Contains(string(data), "http.NewRequestWithContext(ctx, http.MethodPost") {
		t.Errorf("payments/client.go not fixed:\n%s", data)
	}
	build := exec.Command("go", "vet", "./...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed module does not build: %v\n%s", err, out)
	}

	// Nothing left to fix: the next run fixes nothing and exits 3 still.
	code, _, stderr = run(t, bin, dir, "-fix", "./...")
	if code != 3 || !strings.HasPrefix(stderr, "5 findings: otellint 4, logmix 1") {
		t.Errorf("second -fix: exit %d, stderr %q", code, stderr)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceInFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	writeFile(t, path, strings.Replace(string(data), old, new, 1))
}

// insertAfterLine inserts text after line n (1-based) of path.
func insertAfterLine(t *testing.T, path string, n int, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if n > len(lines) {
		t.Fatalf("%s has %d lines", path, len(lines))
	}
	out := strings.Join(lines[:n], "") + text + strings.Join(lines[n:], "")
	writeFile(t, path, out)
}
