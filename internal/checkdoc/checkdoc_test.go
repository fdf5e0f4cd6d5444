package checkdoc_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint"
	"github.com/otellint/otellint/internal/checkdoc"
)

// checks is a minimal stand-in for lint.Checks behind a "checks" flag.
type checks struct {
	known []string
	off   map[string]bool
}

func (c *checks) String() string           { return strings.Join(c.known, ",") }
func (c *checks) Set(string) error         { return nil }
func (c *checks) Known() []string          { return c.known }
func (c *checks) Enabled(name string) bool { return !c.off[name] }

func fakeAnalyzer(name, url, doc string, known ...string) *analysis.Analyzer {
	a := &analysis.Analyzer{Name: name, URL: url, Doc: doc}
	a.Flags.Var(&checks{known: known, off: map[string]bool{"quiet": true}}, "checks", "checks to run")
	return a
}

// TestSectionShapes: the three shapes doc.go files describe checks in.
func TestSectionShapes(t *testing.T) {
	doc := `report things

Intro paragraph naming no check.

# Checks

alpha: the first check, in a paragraph. It runs on
over wrapped lines.

A second paragraph still about alpha: it belongs to alpha.

beta: the second check.

  - gamma: a list item about gamma,
    with a continuation line.
  - delta: another item.

Text after the list is not delta's.

# epsilon

A check under a heading of its own.

	code := "kept"

# Flags

-x.checks: not a check.`
	a := fakeAnalyzer("x", "https://example.com/x#x", doc, "alpha", "beta", "gamma", "delta", "epsilon", "missing")
	for _, tc := range []struct {
		check    string
		contains []string
		excludes []string
	}{
		{"alpha", []string{"the first check", "over wrapped lines", "still about alpha"}, []string{"second check", "Intro"}},
		{"beta", []string{"the second check"}, []string{"gamma", "first check"}},
		{"gamma", []string{"about gamma", "continuation line"}, []string{"delta", "after the list"}},
		{"delta", []string{"another item"}, []string{"after the list", "gamma"}},
		{"epsilon", []string{"heading of its own", `code := "kept"`}, []string{"not a check", "Flags"}},
	} {
		sec := checkdoc.Section(a, tc.check)
		if sec == nil {
			t.Errorf("Section(%s) = nil", tc.check)
			continue
		}
		text := checkdoc.Plain(sec)
		for _, s := range tc.contains {
			if !strings.Contains(text, s) {
				t.Errorf("Section(%s) = %q, want it to contain %q", tc.check, text, s)
			}
		}
		for _, s := range tc.excludes {
			if strings.Contains(text, s) {
				t.Errorf("Section(%s) = %q, want it without %q", tc.check, text, s)
			}
		}
	}
	if sec := checkdoc.Section(a, "missing"); sec != nil {
		t.Errorf("Section(missing) = %q, want nil: the doc does not describe it", checkdoc.Plain(sec))
	}
	if _, err := checkdoc.Document([]*analysis.Analyzer{a}); err == nil || !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("Document with an undocumented check: err = %v, want one naming it", err)
	}
}

func TestSummary(t *testing.T) {
	a := fakeAnalyzer("x", "", `report things

# Checks

alpha: span.End() is called twice (e.g. in a defer and a branch): the second call is dropped. More.

beta: a "quoted: text" stays whole; here it ends.

gamma: Short. The second sentence is taken along because the first is short.`, "alpha", "beta", "gamma")
	for check, want := range map[string]string{
		"alpha": "span.End() is called twice (e.g. in a defer and a branch).",
		"beta":  `a "quoted: text" stays whole.`,
		"gamma": "Short. The second sentence is taken along because the first is short.",
	} {
		if got := checkdoc.Summary(checkdoc.Section(a, check)); got != want {
			t.Errorf("Summary(%s) = %q, want %q", check, got, want)
		}
	}
}

func TestURL(t *testing.T) {
	a := fakeAnalyzer("spanend", "https://github.com/acme/fork#spanend", "x")
	if got, want := checkdoc.URL(a, "spanend", "not-ended"), "https://github.com/acme/fork/blob/main/docs/checks.md#spanend-not-ended"; got != want {
		t.Errorf("URL = %q, want %q (derived from Analyzer.URL)", got, want)
	}
	if got, want := checkdoc.URL(nil, "otellint", "directive"), checkdoc.Repository+"/blob/main/docs/checks.md#otellint-directive"; got != want {
		t.Errorf("URL(nil) = %q, want %q", got, want)
	}
	if !checkdoc.Enabled(a, "alpha") || checkdoc.Enabled(fakeAnalyzer("y", "", "d", "quiet"), "quiet") {
		t.Error("Enabled does not follow the checks flag")
	}
	var plain analysis.Analyzer
	plain.Flags.Init("plain", flag.ContinueOnError)
	if !checkdoc.KnownCheck(&plain, "anything") || checkdoc.Checks(&plain) != nil {
		t.Error("an analyzer without a checks flag should accept any check and list none")
	}
}

// TestEveryCheckDocumented: every check of every rule of the suite has a
// section, a summary and an anchor in docs/checks.md, and the file is what
// the generator writes. A new rule is covered without a change here.
func TestEveryCheckDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "checks.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, a := range otellint.Analyzers() {
		known := checkdoc.Checks(a)
		if len(known) == 0 {
			t.Errorf("%s has no -%s.checks flag listing its checks", a.Name, a.Name)
		}
		for _, c := range known {
			sec := checkdoc.Section(a, c)
			if sec == nil || checkdoc.Summary(sec) == "" {
				t.Errorf("%s/%s: the rule's doc.go does not describe the check", a.Name, c)
				continue
			}
			if !strings.Contains(doc, `<a id="`+checkdoc.Anchor(a.Name, c)+`"></a>`) {
				t.Errorf("docs/checks.md has no anchor for %s/%s", a.Name, c)
			}
		}
	}
	gen, err := checkdoc.Document(otellint.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	if string(gen) != doc {
		t.Error("docs/checks.md is out of date; regenerate with: go generate . (go run ./internal/cmd/gen-checks-doc)")
	}
}
