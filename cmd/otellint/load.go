package main

import (
	"fmt"
	"go/scanner"
	"go/types"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// loadPackages loads the packages matching patterns with the syntax and
// types the analyzers need: the initial packages from source, their
// dependencies from export data unless an analyzer uses facts (none of
// ours do).
func loadPackages(patterns []string, analyzers []*analysis.Analyzer, opts *options) ([]*packages.Package, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(analyzers) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	cfg := &packages.Config{Mode: mode, Tests: opts.test}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, err
}

// needFacts reports whether any analyzer, or one it requires, uses facts.
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(as []*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(analyzers)
}

// loadError is one error of loading, parsing or type-checking, with its
// position ("" when it has none) and the package it belongs to.
type loadError struct {
	file      string // absolute, or ""
	line, col int
	msg       string
	pkgID     string
}

// String renders the error as file:line:col: message with the file relative
// to the working directory.
func (e loadError) String() string {
	if e.file == "" {
		return e.msg
	}
	pos := displayPath(e.file)
	if e.line > 0 {
		pos += ":" + strconv.Itoa(e.line)
		if e.col > 0 {
			pos += ":" + strconv.Itoa(e.col)
		}
	}
	return pos + ": " + e.msg
}

// loadErrors collects the errors of the packages and their dependencies,
// each once. One syntax error reaches go/packages several times: as the
// compiler's output through go list ("# pkg\n./x.go:5:1: syntax error...")
// for the package and for its test variant, and as go/parser's errors, the
// first of which is the error and the rest its echo ("expected ';', found
// 'EOF'"). A package's compiler output is dropped when the parser or the
// type checker reported the same failure; a file's first syntax error is
// kept; identical errors of p and p [p.test] are printed once.
func loadErrors(pkgs []*packages.Package) []loadError {
	var errs []loadError
	seen := map[string]bool{}
	add := func(e loadError) {
		k := fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
		if !seen[k] {
			seen[k] = true
			errs = append(errs, e)
		}
	}
	parseErrorIn := map[string]bool{} // files with a syntax error reported
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		fromSource := false
		for _, e := range p.Errors {
			if e.Kind == packages.ParseError || e.Kind == packages.TypeError {
				fromSource = true
			}
		}
		for _, e := range p.Errors {
			if e.Kind != packages.ParseError && e.Kind != packages.TypeError && strings.HasPrefix(e.Msg, "# ") {
				// The compiler's output for the package.
				if fromSource {
					continue
				}
				for _, ce := range compilerErrors(p, e.Msg) {
					add(ce)
				}
				continue
			}
			le := fromPackagesError(p, e)
			if e.Kind == packages.ParseError && le.file != "" {
				if parseErrorIn[le.file] {
					continue
				}
				parseErrorIn[le.file] = true
			}
			add(le)
		}
		if p.Module != nil && p.Module.Error != nil {
			add(loadError{msg: p.Module.Error.Err, pkgID: p.ID})
		}
	})
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	return errs
}

// compilerErrors splits the compiler's output "# pkg\n./x.go:4:9: msg\n..."
// into errors with positions.
func compilerErrors(p *packages.Package, out string) []loadError {
	var errs []loadError
	for _, line := range strings.Split(out, "\n") {
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if pos, msg, ok := splitPosition(line); ok {
			e := fromPackagesError(p, packages.Error{Pos: pos, Msg: msg})
			errs = append(errs, e)
			continue
		}
		errs = append(errs, loadError{msg: strings.TrimSpace(line), pkgID: p.ID})
	}
	return errs
}

// splitPosition splits "file.go:4:9: message" (or file.go:4: message).
func splitPosition(line string) (pos, msg string, ok bool) {
	i := strings.Index(line, ".go:")
	if i < 0 {
		return "", "", false
	}
	rest := line[i+len(".go:"):]
	j := strings.Index(rest, ": ")
	if j < 0 {
		return "", "", false
	}
	return line[:i+len(".go:")+j], rest[j+2:], true
}

// fromPackagesError reads the position of a go/packages error, which is a
// "file:line:col", "file:line", "file" or "-" string.
func fromPackagesError(p *packages.Package, e packages.Error) loadError {
	le := loadError{msg: e.Msg, pkgID: p.ID}
	pos := e.Pos
	if pos == "" || pos == "-" {
		return le
	}
	rest := pos
	var nums []int
	for len(nums) < 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	le.file = rest
	if !filepath.IsAbs(le.file) && workDir != "" {
		// The go command shortens positions relative to its directory,
		// the working directory.
		le.file = filepath.Join(workDir, le.file)
	}
	if len(nums) > 0 {
		le.line = nums[0]
	}
	if len(nums) > 1 {
		le.col = nums[1]
	}
	return le
}

// isLoadError reports whether an analyzer's error only repeats that its
// package did not load: "analysis skipped due to errors in package" and the
// "failed prerequisites" of analyzers that require a skipped one. Those are
// not printed: the load error is, once.
func isLoadError(err error) bool {
	switch err.(type) {
	case types.Error, scanner.ErrorList, *scanner.Error:
		return true
	}
	s := err.Error()
	return strings.Contains(s, "analysis skipped due to errors in package") || strings.HasPrefix(s, "failed prerequisites")
}
