package main

import (
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// report is everything a run has to say.
type report struct {
	findings  []*finding // to report, sorted
	loadErrs  []loadError
	errors    []analysisError      // analyzer failures
	analyzers []*analysis.Analyzer // the rules that ran

	inBaseline int    // findings the baseline accounts for
	stale      int    // baseline entries that no longer occur
	unchanged  int    // findings on lines not changed since rev
	rev        string // -new-from-rev

	fixed      int // findings fixed by -fix
	fixedFiles int
	diffOnly   bool // -diff: stdout has the patch; findings are counted only

	pkgTypes map[string]*types.Package // by package ID, for -fix
}

// exitCode is the contract of every format: 1 when the packages did not
// load or an analyzer failed, else 3 when findings are reported, else 0.
func (r *report) exitCode() int {
	switch {
	case len(r.loadErrs) > 0 || len(r.errors) > 0:
		return 1
	case len(r.findings) > 0:
		return 3
	}
	return 0
}

// printReport writes the report in the chosen format to stdout, and the
// errors and the summary to stderr.
func printReport(r *report, opts *options, stdout, stderr io.Writer) error {
	for _, e := range r.loadErrs {
		fmt.Fprintln(stderr, e.String())
	}
	for _, e := range r.errors {
		fmt.Fprintln(stderr, "otellint: "+e.String())
	}
	var err error
	switch {
	case r.diffOnly:
		// stdout carries the patch; the summary counts what remains.
	case opts.format == "json":
		err = printJSON(stdout, r)
	case opts.format == "sarif":
		err = printSARIF(stdout, r)
	case opts.format == "github":
		err = printGitHub(stdout, r)
	default:
		err = printText(stdout, r, opts.context)
	}
	if err != nil {
		return err
	}
	if s := r.summary(); s != "" {
		fmt.Fprintln(stderr, s)
	}
	if opts.format == "text" && !r.diffOnly {
		printDocLinks(stderr, r.findings)
	}
	return nil
}

// printText prints one line per finding, file:line:col: message, with the
// file relative to the working directory; with contextLines >= 0 the
// finding's lines and that many around them follow.
func printText(w io.Writer, r *report, contextLines int) error {
	var b strings.Builder
	for _, f := range r.findings {
		writePlain(&b, f.posn, f.end, f.message, contextLines)
		for _, rel := range f.diag.Related {
			writePlain(&b, f.fset.Position(rel.Pos), f.fset.Position(rel.End), "\t"+rel.Message, contextLines)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writePlain(b *strings.Builder, posn, end token.Position, message string, contextLines int) {
	fmt.Fprintf(b, "%s: %s\n", positionText(posn), message)
	if contextLines < 0 || !posn.IsValid() {
		return
	}
	if !end.IsValid() || end.Filename != posn.Filename {
		end = posn
	}
	data, err := os.ReadFile(posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - contextLines; i <= end.Line+contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(b, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// positionText is file:line:col with the file relative to the working
// directory.
func positionText(p token.Position) string {
	if !p.IsValid() {
		return "-"
	}
	s := fmt.Sprintf("%s:%d", displayPath(p.Filename), p.Line)
	if p.Column > 0 {
		s += fmt.Sprintf(":%d", p.Column)
	}
	return s
}

// summary is the one line printed on stderr after the findings:
// "12 findings: spanend 3, ctxprop 2, ...", rules by count, then what the
// baseline and -new-from-rev left out. It is empty on a clean run.
func (r *report) summary() string {
	var parts []string
	if r.fixed > 0 || r.diffOnly && r.fixedFiles > 0 {
		verb := "fixed"
		if r.diffOnly {
			verb = "would fix"
		}
		parts = append(parts, fmt.Sprintf("%s %s in %s", verb, plural(r.fixed, "finding"), plural(r.fixedFiles, "file")))
	}
	if n := len(r.findings); n > 0 {
		counts := map[string]int{}
		for _, f := range r.findings {
			counts[f.rule]++
		}
		rules := make([]string, 0, len(counts))
		for rule := range counts {
			rules = append(rules, rule)
		}
		sort.Slice(rules, func(i, j int) bool {
			if counts[rules[i]] != counts[rules[j]] {
				return counts[rules[i]] > counts[rules[j]]
			}
			return rules[i] < rules[j]
		})
		var per []string
		for _, rule := range rules {
			per = append(per, fmt.Sprintf("%s %d", rule, counts[rule]))
		}
		what := plural(n, "finding")
		if r.fixed > 0 || r.diffOnly {
			what += " remain"
		}
		parts = append(parts, what+": "+strings.Join(per, ", "))
	} else if len(parts) > 0 || r.inBaseline > 0 || r.unchanged > 0 {
		parts = append(parts, "no findings")
	}
	if r.inBaseline > 0 {
		parts = append(parts, fmt.Sprintf("%d more in the baseline", r.inBaseline))
	}
	if r.stale > 0 {
		verb := "are"
		if r.stale == 1 {
			verb = "is"
		}
		parts = append(parts, fmt.Sprintf("%s %s gone (rewrite it with -write-baseline)", plural(r.stale, "baseline finding"), verb))
	}
	if r.unchanged > 0 {
		parts = append(parts, fmt.Sprintf("%d more on lines unchanged since %s", r.unchanged, r.rev))
	}
	return strings.Join(parts, "; ")
}

// printDocLinks prints, after the summary of a text run, the documentation
// link of each check that has findings, once.
func printDocLinks(w io.Writer, findings []*finding) {
	seen := map[string]bool{}
	var lines []string
	width := 0
	for _, f := range findings {
		c := f.category()
		if !seen[c] {
			seen[c] = true
			lines = append(lines, c)
			width = max(width, len(c))
		}
	}
	sort.Strings(lines)
	byCategory := map[string]*finding{}
	for _, f := range findings {
		if byCategory[f.category()] == nil {
			byCategory[f.category()] = f
		}
	}
	for _, c := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c, byCategory[c].url())
	}
}

func plural(n int, noun string) string { return pluralize(n, noun, noun+"s") }

func pluralize(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
