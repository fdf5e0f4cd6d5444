package main

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/internal/checkdoc"
)

// finding is one diagnostic of a rule (or of the driver, for directives),
// once: a file analyzed as part of a package and of its test variant
// reports the same diagnostic twice, and it is kept once.
type finding struct {
	analyzer *analysis.Analyzer // nil for otellint/directive
	rule     string             // "spanend"
	check    string             // "not-ended"
	posn     token.Position     // absolute file name
	end      token.Position
	message  string
	function string // enclosing top-level function: "FindOrder", "(*Repo).Find"; "" at package level
	pkgID    string
	fset     *token.FileSet
	diag     analysis.Diagnostic
}

// category is rule/check.
func (f *finding) category() string {
	if f.check == "" {
		return f.rule
	}
	return f.rule + "/" + f.check
}

// url is the documentation link of the finding's check.
func (f *finding) url() string { return checkdoc.URL(f.analyzer, f.rule, f.check) }

// splitCategory splits a diagnostic's category "rule/check"; a category
// without a slash is a check of the reporting analyzer.
func splitCategory(analyzer, category string) (rule, check string) {
	if r, c, ok := strings.Cut(category, "/"); ok {
		return r, c
	}
	return analyzer, category
}

// sortFindings orders findings by file, line, column, then category and
// message, so that output is stable from run to run.
func sortFindings(fs []*finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.posn.Filename != b.posn.Filename {
			return a.posn.Filename < b.posn.Filename
		}
		if a.posn.Line != b.posn.Line {
			return a.posn.Line < b.posn.Line
		}
		if a.posn.Column != b.posn.Column {
			return a.posn.Column < b.posn.Column
		}
		if a.category() != b.category() {
			return a.category() < b.category()
		}
		return a.message < b.message
	})
}

// findingKey identifies a finding across the variants of its package.
type findingKey struct {
	file              string
	offset, endOff    int
	category, message string
}

func (f *finding) key() findingKey {
	return findingKey{f.posn.Filename, f.posn.Offset, f.end.Offset, f.category(), f.message}
}

// enclosingFunction names the top-level function or method declaration of
// files that contains pos: "Name", "Type.Name" or "(*Type).Name" ("" at
// package level). A function literal counts as part of the declaration it
// is written in, so that the name survives edits inside it.
func enclosingFunction(fset *token.FileSet, files []*ast.File, pos token.Pos) string {
	for _, f := range files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		i := sort.Search(len(f.Decls), func(i int) bool { return f.Decls[i].End() >= pos })
		if i < len(f.Decls) {
			if fd, ok := f.Decls[i].(*ast.FuncDecl); ok && fd.Pos() <= pos {
				return funcDeclName(fd)
			}
		}
		return ""
	}
	return ""
}

func funcDeclName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = true, s.X
	}
	// Drop type parameters: (*List[T]).Push is List.Push.
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	name := "?"
	if id, ok := t.(*ast.Ident); ok {
		name = id.Name
	}
	if star {
		return "(*" + name + ")." + fd.Name.Name
	}
	return name + "." + fd.Name.Name
}

// workDir is the working directory, resolved once.
var workDir = func() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return wd
}()

// displayPath returns path relative to the working directory when it lies
// inside it or elsewhere in its module ("../payments/client.go"), and
// absolute otherwise (a dependency in the module cache).
func displayPath(path string) string {
	if rel := relativeTo(workDir, path); !filepath.IsAbs(rel) {
		return rel
	}
	if workModule != "" && workModule != workDir {
		if abs, err := filepath.Abs(path); err == nil && !filepath.IsAbs(relativeTo(workModule, abs)) {
			if rel, err := filepath.Rel(workDir, abs); err == nil {
				return rel
			}
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	return abs
}

// workModule is the root of the module the working directory is in, or "".
var workModule = moduleRoot(workDir)

// relativeTo returns path relative to dir when it lies inside dir, else
// path made absolute. The result uses the system's separators.
func relativeTo(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if dir == "" {
		return abs
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return abs
	}
	return rel
}
