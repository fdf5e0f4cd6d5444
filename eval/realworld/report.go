package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// A verdict is one ledger row: a finding read by hand with its callers.
type verdict struct {
	Repo, Path string
	Line       int
	Check      string
	Verdict    string // TP, FP or NOISE
	Reason     string
}

func (v verdict) key() string { return fmt.Sprintf("%s\t%s\t%d\t%s", v.Repo, v.Path, v.Line, v.Check) }

var verdicts = map[string]bool{"TP": true, "FP": true, "NOISE": true}

// readLedger reads every ledger/<rule>.tsv file: one file per rule, so that people triaging
// different rules do not edit the same file.
func readLedger(dir string) ([]verdict, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	var out []verdict
	seen := map[string]string{}
	for _, path := range files {
		vs, err := readLedgerFile(path, seen)
		if err != nil {
			return nil, err
		}
		out = append(out, vs...)
	}
	return out, nil
}

func readLedgerFile(path string, seen map[string]string) ([]verdict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []verdict
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.SplitN(line, "\t", 6)
		if len(c) != 6 {
			return nil, fmt.Errorf("%s:%d: want repo, path, line, rule/check, verdict, reason separated by tabs", path, n)
		}
		ln, err := strconv.Atoi(c[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad line number %q", path, n, c[2])
		}
		if !verdicts[c[4]] {
			return nil, fmt.Errorf("%s:%d: verdict %q is not TP, FP or NOISE", path, n, c[4])
		}
		if strings.TrimSpace(c[5]) == "" {
			return nil, fmt.Errorf("%s:%d: a verdict needs a reason", path, n)
		}
		v := verdict{c[0], c[1], ln, c[3], c[4], c[5]}
		here := fmt.Sprintf("%s:%d", filepath.Base(path), n)
		if prev, dup := seen[v.key()]; dup {
			return nil, fmt.Errorf("%s: same finding as %s", here, prev)
		}
		seen[v.key()] = here
		out = append(out, v)
	}
	return out, sc.Err()
}

// A coverage says which rules a findings file's run ran on which repositories; a nil
// rule list is every rule.
type coverage map[string][]string

func (c coverage) covers(repo, rule string) bool {
	rules, ok := c[repo]
	return ok && (rules == nil || contains(rules, rule))
}

func (c coverage) repos() []string {
	var out []string
	for r := range c {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// readFindings reads a findings file and what its run covered: "# ran: repo rules" lines,
// or the older "# repos:" and "# rules:" pair.
func readFindings(path string) (fs []finding, cov coverage, err error) {
	var repos, rules []string
	cov = coverage{}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# ran: "); ok {
			repo, list, _ := strings.Cut(rest, " ")
			if list == "all" {
				cov[repo] = nil
			} else {
				cov[repo] = splitList(list)
			}
			continue
		}
		if rest, ok := strings.CutPrefix(line, "# repos: "); ok {
			repos = splitList(rest)
			continue
		}
		if rest, ok := strings.CutPrefix(line, "# rules: "); ok {
			if rest != "all" {
				rules = splitList(rest)
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.SplitN(line, "\t", 6)
		if len(c) < 5 {
			return nil, nil, fmt.Errorf("%s:%d: malformed finding", path, n)
		}
		ln, _ := strconv.Atoi(c[2])
		col, _ := strconv.Atoi(c[3])
		fd := finding{Repo: c[0], Path: c[1], Line: ln, Col: col, Check: c[4]}
		if len(c) == 6 {
			fd.Message = c[5]
		}
		fs = append(fs, fd)
	}
	for _, r := range repos {
		cov[r] = rules
	}
	return fs, cov, sc.Err()
}

func reportCmd(here string, args []string) error {
	fs := newFlags("report")
	findings := fs.String("findings", filepath.Join(here, "out", "findings.tsv"), "findings file written by run")
	rules := fs.String("rules", "", "comma-separated rules to report on (default all)")
	fs.Parse(args)
	return report(here, *findings, *rules, os.Stdout)
}

func ruleOf(check string) string {
	r, _, _ := strings.Cut(check, "/")
	return r
}

// report compares a findings file with the ledger: findings not yet triaged, ledger rows the
// run no longer reports, and the share of triaged findings worth acting on per rule and check.
func report(here, findingsPath, rulesFilter string, w io.Writer) error {
	ledger, err := readLedger(filepath.Join(here, "ledger"))
	if err != nil {
		return err
	}
	fs, cov, err := readFindings(findingsPath)
	if err != nil {
		return err
	}
	only := map[string]bool{}
	for _, r := range splitList(rulesFilter) {
		only[r] = true
	}
	want := func(check string) bool { return len(only) == 0 || only[ruleOf(check)] }
	covered := func(v verdict) bool {
		return cov.covers(v.Repo, ruleOf(v.Check)) && want(v.Check)
	}

	byKey := map[string]verdict{}
	for _, v := range ledger {
		byKey[v.key()] = v
	}
	type tally struct{ findings, tp, fp, noise, open int }
	counts := map[string]*tally{}
	add := func(name, verdict string) {
		t := counts[name]
		if t == nil {
			t = &tally{}
			counts[name] = t
		}
		t.findings++
		switch verdict {
		case "TP":
			t.tp++
		case "FP":
			t.fp++
		case "NOISE":
			t.noise++
		default:
			t.open++
		}
	}
	reported := map[string]bool{}
	var untriaged []finding
	for _, f := range fs {
		if !want(f.Check) {
			continue
		}
		reported[f.key()] = true
		v, ok := byKey[f.key()]
		if !ok {
			untriaged = append(untriaged, f)
		}
		add(ruleOf(f.Check), v.Verdict)
		add(f.Check, v.Verdict)
	}
	var gone []verdict
	for _, v := range ledger {
		if covered(v) && !reported[v.key()] {
			gone = append(gone, v)
		}
	}

	fmt.Fprintf(w, "untriaged findings: %d\n", len(untriaged))
	for _, f := range untriaged {
		fmt.Fprintf(w, "  %s\t%s\t%d\t%s\t?\t%s:%d:%d: %s\n", f.Repo, f.Path, f.Line, f.Check, f.Path, f.Line, f.Col, f.Message)
	}
	fmt.Fprintf(w, "ledger rows this run no longer reports: %d\n", len(gone))
	for _, v := range gone {
		fmt.Fprintf(w, "  %s\t%s\t%d\t%s\t%s\t%s\n", v.Repo, v.Path, v.Line, v.Check, v.Verdict, v.Reason)
	}
	fmt.Fprintf(w, "\nprecision over this run's findings (repos: %s)\n", strings.Join(cov.repos(), ", "))
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "rule/check\tfindings\tTP\tFP\tNOISE\tuntriaged\tworth acting on\t")
	for _, n := range names {
		t := counts[n]
		share := "-"
		if judged := t.tp + t.fp + t.noise; judged > 0 {
			share = fmt.Sprintf("%d%%", (100*t.tp+judged/2)/judged)
		}
		label := n
		if strings.Contains(n, "/") {
			label = "  " + n
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t\n", label, t.findings, t.tp, t.fp, t.noise, t.open, share)
	}
	return tw.Flush()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
