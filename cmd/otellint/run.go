package main

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
)

// maxFixRounds bounds -fix: a fix that overlaps another is applied in the
// next round, after the code is analyzed again.
const maxFixRounds = 4

// execute checks the packages and reports: the standalone command after
// its flags and configuration are settled.
func execute(patterns []string, analyzers, all []*analysis.Analyzer, opts *options) int {
	var base *baseline
	if opts.baseline != "" {
		var err error
		if base, err = readBaseline(opts.baseline); err != nil {
			return fail(fmt.Errorf("-baseline: %v", err))
		}
	}
	// Ask git first: a wrong revision fails before the slow part.
	changed, err := changedSince(opts.newFromRev)
	if err != nil {
		return fail(err)
	}
	prog := newProgress(os.Stderr)
	r, err := check(patterns, analyzers, all, opts, prog)
	if err != nil {
		return fail(err)
	}

	if opts.writeBaseline != "" {
		if r.exitCode() == 1 {
			printErrors(r)
			fmt.Fprintf(stderr, "otellint: %s not written: the packages did not load\n", opts.writeBaseline)
			return 1
		}
		n, err := writeBaseline(opts.writeBaseline, r.findings)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stderr, "wrote %s (%s) to %s\n", plural(len(r.findings), "finding"), pluralize(n, "entry", "entries"), displayPath(opts.writeBaseline))
		return 0
	}

	narrow(r, base, changed, opts.newFromRev)

	if opts.fix && r.exitCode() != 1 {
		if r, err = fix(r, patterns, analyzers, all, base, opts, prog); err != nil {
			return fail(err)
		}
	}
	if err := printReport(r, opts, stdout, stderr); err != nil {
		return fail(err)
	}
	return r.exitCode()
}

// check loads and analyzes the packages and checks the directives.
func check(patterns []string, analyzers, all []*analysis.Analyzer, opts *options, prog *progress) (*report, error) {
	r := &report{analyzers: analyzers, pkgTypes: map[string]*types.Package{}}
	prog.startLoading()
	pkgs, err := loadPackages(patterns, analyzers, opts)
	if err != nil {
		prog.done()
		r.loadErrs = []loadError{{msg: err.Error()}}
		return r, nil
	}
	r.loadErrs = loadErrors(pkgs)
	res, err := analyze(pkgs, analyzers, opts, prog)
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		r.pkgTypes[p.ID] = p.Types
	}
	r.errors = res.errors
	r.findings = append(res.findings, directiveFindings(res.directives, all, analyzers, opts.reportUnusedIgnores)...)
	sortFindings(r.findings)
	return r, nil
}

// changedSince returns the lines changed since rev, or nil for no rev.
func changedSince(rev string) (*changedLines, error) {
	if rev == "" {
		return nil, nil
	}
	changed, err := gitChangedLines(rev)
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %v", err)
	}
	return changed, nil
}

// narrow drops the findings the baseline accounts for and, with
// -new-from-rev, those on lines unchanged since the revision.
func narrow(r *report, base *baseline, changed *changedLines, rev string) {
	if base != nil {
		r.findings, r.inBaseline, r.stale = base.filter(r.findings)
	}
	if changed != nil {
		var kept []*finding
		for _, f := range r.findings {
			if changed.contains(f.posn.Filename, f.posn.Line) {
				kept = append(kept, f)
			} else {
				r.unchanged++
			}
		}
		r.findings = kept
		r.rev = rev
	}
}

// fix applies the fixes of the reported findings, analyzes the code again
// and returns the report of what remains, with what was fixed. With -diff
// it prints the patch instead of writing the files.
func fix(r *report, patterns []string, analyzers, all []*analysis.Analyzer, base *baseline, opts *options, prog *progress) (*report, error) {
	fixed := 0
	files := map[string]bool{}
	for round := 0; round < maxFixRounds; round++ {
		outcome, err := planFixes(r.findings, r.pkgTypes)
		if err != nil {
			return nil, err
		}
		if len(outcome.files) == 0 {
			break
		}
		if opts.diff {
			for _, name := range sortedFiles(outcome.files) {
				rel := filepath.ToSlash(displayPath(name))
				if !filepath.IsAbs(rel) {
					// git apply and patch -p1 read a/ and b/ prefixes.
					fmt.Fprint(stdout, unifiedDiff("a/"+rel, "b/"+rel, string(outcome.old[name]), string(outcome.files[name])))
				} else {
					fmt.Fprint(stdout, unifiedDiff(rel, rel, string(outcome.old[name]), string(outcome.files[name])))
				}
			}
			r.fixed, r.fixedFiles, r.diffOnly = outcome.fixed, len(outcome.files), true
			r.findings = outcome.unfixed
			return r, nil
		}
		if err := writeFixes(outcome); err != nil {
			return nil, err
		}
		fixed += outcome.fixed
		for name := range outcome.files {
			files[name] = true
		}
		next, err := check(patterns, analyzers, all, opts, prog)
		if err != nil {
			return nil, err
		}
		// The fixes moved lines: ask git again.
		changed, err := changedSince(opts.newFromRev)
		if err != nil {
			return nil, err
		}
		narrow(next, base, changed, opts.newFromRev)
		r = next
		if outcome.conflicts == 0 || r.exitCode() == 1 {
			break
		}
	}
	r.fixed, r.fixedFiles = fixed, len(files)
	if opts.diff {
		r.diffOnly = true
	}
	return r, nil
}

// printErrors prints load and analyzer errors alone.
func printErrors(r *report) {
	for _, e := range r.loadErrs {
		fmt.Fprintln(stderr, e.String())
	}
	for _, e := range r.errors {
		fmt.Fprintln(stderr, "otellint: "+e.String())
	}
}
