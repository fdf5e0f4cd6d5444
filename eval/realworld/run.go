package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A finding is one diagnostic of otellint on a repository, with its path relative to the
// repository's root.
type finding struct {
	Repo, Path string
	Line, Col  int
	Check      string // rule/check
	Message    string
}

func (f finding) key() string { return fmt.Sprintf("%s\t%s\t%d\t%s", f.Repo, f.Path, f.Line, f.Check) }

// runCmd builds otellint from this checkout, runs it in every module of every selected
// repository and writes the findings to out/findings.tsv, then reports against the ledger.
func runCmd(here string, args []string) error {
	fs := newFlags("run")
	dir := fs.String("dir", "", "folder the repositories were unpacked into (required)")
	only := fs.String("repos", "", "comma-separated repository names (default all)")
	rules := fs.String("rules", "", "comma-separated rules to run (default all)")
	bin := fs.String("otellint", "", "otellint binary to run (default: build this checkout's)")
	out := fs.String("o", filepath.Join(here, "out", "findings.tsv"), "findings file to write")
	extra := fs.String("flags", "", "extra otellint flags, space-separated")
	fs.Parse(args)
	if *dir == "" {
		return fmt.Errorf("run: -dir is required")
	}
	all, err := readRepos(here)
	if err != nil {
		return err
	}
	repos, err := selectRepos(all, *only)
	if err != nil {
		return err
	}
	if *bin == "" {
		*bin = filepath.Join(here, "out", "otellint")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/otellint")
		build.Dir = filepath.Join(here, "..", "..")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building otellint: %v", err)
		}
	}
	asked := splitList(*rules)
	var findings []finding
	var header []string
	var unloaded []string // "repo: package" of the packages that did not load
	for _, r := range repos {
		ruleList, ok := r.rulesFor(asked)
		if !ok {
			continue
		}
		var flags []string
		for _, rule := range ruleList {
			flags = append(flags, "-"+rule)
		}
		flags = append(flags, strings.Fields(*extra)...)
		root := filepath.Join(*dir, r.Name)
		if _, err := os.Stat(root); err != nil {
			fmt.Fprintf(os.Stderr, "%s: not unpacked in %s (run unpack first)\n", r.Name, *dir)
			continue
		}
		for _, mod := range r.Modules {
			start := time.Now()
			fs, broken, err := runModule(*bin, flags, root, mod, r.Name)
			for _, pkg := range broken {
				unloaded = append(unloaded, r.Name+": "+pkg)
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s/%s: %v\n", r.Name, mod, err)
			}
			fmt.Fprintf(os.Stderr, "%s/%s: %d findings in %.0fs\n", r.Name, mod, len(fs), time.Since(start).Seconds())
			findings = append(findings, fs...)
		}
		header = append(header, ranLine(r.Name, ruleList))
	}
	sortFindings(findings)
	if err := writeFindings(*out, findings, header); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d findings to %s\n", len(findings), *out)
	if len(unloaded) > 0 {
		// A package that does not load reports nothing: its ledger rows
		// would read as fixed and its findings as absent.
		fmt.Fprintf(os.Stderr, "packages that did not load, whose findings this run lacks (%d):\n", len(unloaded))
		for _, u := range unloaded {
			fmt.Fprintf(os.Stderr, "  %s\n", u)
		}
	}
	return report(here, *out, "", os.Stdout)
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// ranLine records what a findings file covers, one line per repository, so that the report
// judges a ledger row that is not reported only where the run could have reported it.
func ranLine(repo string, rules []string) string {
	list := "all"
	if len(rules) > 0 {
		list = strings.Join(rules, ",")
	}
	return "# ran: " + repo + " " + list
}

// runModule runs otellint -json in one module and returns its findings and the packages that
// did not load. Load errors of some packages are printed and the rest is kept: real
// repositories have packages behind build tags or cgo that do not load on every machine.
func runModule(bin string, flags []string, root, mod, name string) ([]finding, []string, error) {
	cmd := exec.Command(bin, append(append([]string{"-json"}, flags...), "./...")...)
	cmd.Dir = filepath.Join(root, mod)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if stdout.Len() == 0 {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = msg[:2000] + "..."
		}
		return nil, nil, fmt.Errorf("otellint: %v: %s", runErr, msg)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		return nil, nil, fmt.Errorf("reading otellint's JSON: %v", err)
	}
	seen := map[string]bool{}
	brokenSeen := map[string]bool{}
	var out []finding
	var broken []string
	for pkg, byRule := range tree {
		for rule, raw := range byRule {
			var diags []struct {
				Category string `json:"category"`
				Posn     string `json:"posn"`
				Message  string `json:"message"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				var e struct{ Error string }
				// Packages that depend on a broken one repeat "analysis skipped";
				// the broken package's own entry says why.
				if json.Unmarshal(raw, &e) == nil && e.Error != "" && !strings.Contains(e.Error, "analysis skipped") {
					fmt.Fprintf(os.Stderr, "%s: %s: %s: %s\n", name, pkg, rule, firstLine(e.Error))
					if !brokenSeen[pkg] {
						brokenSeen[pkg] = true
						broken = append(broken, pkg)
					}
				}
				continue
			}
			for _, d := range diags {
				f, ok := parsePosn(d.Posn, root)
				if !ok {
					continue
				}
				f.Repo, f.Check, f.Message = name, d.Category, d.Message
				if f.Check == "" {
					f.Check = rule
				}
				// A package and its test variant report the same position twice.
				k := f.key() + "\t" + f.Message
				if seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(broken)
	return out, broken, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// parsePosn splits "file:line:col" and makes the file relative to the repository root.
func parsePosn(posn, root string) (finding, bool) {
	var f finding
	i := strings.LastIndex(posn, ":")
	if i < 0 {
		return f, false
	}
	j := strings.LastIndex(posn[:i], ":")
	if j < 0 {
		return f, false
	}
	if _, err := fmt.Sscan(posn[j+1:i], &f.Line); err != nil {
		return f, false
	}
	fmt.Sscan(posn[i+1:], &f.Col)
	file := posn[:j]
	if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	f.Path = filepath.ToSlash(file)
	return f, true
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Repo != b.Repo {
			return a.Repo < b.Repo
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Check < b.Check
	})
}

func writeFindings(path string, fs []finding, header []string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	for _, h := range header {
		b.WriteString(h + "\n")
	}
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%d\t%s\t%s\n", f.Repo, f.Path, f.Line, f.Col, f.Check, strings.ReplaceAll(f.Message, "\t", " "))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
