package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// textEdit is a replacement of the bytes [start, end) of a file.
type textEdit struct {
	start, end int
	text       string
}

// fixOutcome is what one round of fixing did.
type fixOutcome struct {
	fixed     int               // findings whose fix was applied
	conflicts int               // fixes left out because they overlap an applied one
	files     map[string][]byte // new content of each changed file
	old       map[string][]byte
	unfixed   []*finding // findings without a fix, or whose fix was left out
}

// planFixes merges the first suggested fix of each finding into new file
// contents. A fix is taken whole or not at all: one that overlaps an edit
// of a fix already taken is left for the next round. Identical edits (two
// fixes adding the same import) are applied once.
func planFixes(findings []*finding, pkgTypes map[string]*types.Package) (*fixOutcome, error) {
	out := &fixOutcome{files: map[string][]byte{}, old: map[string][]byte{}}
	taken := map[string][]textEdit{}
	seenFix := map[string]bool{}
	pkgOfFile := map[string]*types.Package{}
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			out.unfixed = append(out.unfixed, f)
			continue
		}
		fix := f.diag.SuggestedFixes[0]
		byFile := map[string][]textEdit{}
		var sig bytes.Buffer
		for _, e := range fix.TextEdits {
			tf := f.fset.File(e.Pos)
			if tf == nil {
				continue
			}
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			name := tf.Name()
			te := textEdit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)}
			byFile[name] = append(byFile[name], te)
			fmt.Fprintf(&sig, "%s:%d:%d:%q;", name, te.start, te.end, te.text)
			if _, ok := out.old[name]; !ok {
				content, err := os.ReadFile(name)
				if err != nil {
					return nil, err
				}
				if len(content) != tf.Size() {
					return nil, fmt.Errorf("%s changed since it was analyzed; run otellint again", displayPath(name))
				}
				out.old[name] = content
			}
			if p := pkgTypes[f.pkgID]; p != nil {
				pkgOfFile[name] = p
			}
		}
		if seenFix[sig.String()] {
			out.fixed++ // the same fix, for a finding reported twice
			continue
		}
		if conflicts(taken, byFile) {
			out.conflicts++
			out.unfixed = append(out.unfixed, f)
			continue
		}
		seenFix[sig.String()] = true
		for name, edits := range byFile {
			for _, e := range edits {
				if !containsEdit(taken[name], e) {
					taken[name] = append(taken[name], e)
				}
			}
		}
		out.fixed++
	}
	for name, edits := range taken {
		content := applyEdits(out.old[name], edits)
		out.files[name] = tidySource(name, out.old[name], content, pkgOfFile[name])
	}
	return out, nil
}

func containsEdit(edits []textEdit, e textEdit) bool {
	for _, x := range edits {
		if x == e {
			return true
		}
	}
	return false
}

// conflicts reports whether an edit of byFile overlaps an edit taken
// before, other than an identical one.
func conflicts(taken map[string][]textEdit, byFile map[string][]textEdit) bool {
	for name, edits := range byFile {
		for _, e := range edits {
			for _, t := range taken[name] {
				if e == t {
					continue
				}
				if e.start < t.end && t.start < e.end {
					return true
				}
				// Two insertions at one offset: their order is unknown.
				if e.start == e.end && t.start == t.end && e.start == t.start {
					return true
				}
				// An insertion inside a replaced range.
				if e.start == e.end && t.start < e.start && e.start < t.end || t.start == t.end && e.start < t.start && t.start < e.end {
					return true
				}
			}
		}
	}
	return false
}

func applyEdits(src []byte, edits []textEdit) []byte {
	sorted := append([]textEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].start < sorted[j].start })
	var b bytes.Buffer
	last := 0
	for _, e := range sorted {
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// tidySource formats a fixed file and removes the imports its fixes left
// unused (an import used before the fix and referenced nowhere after it).
// Source that does not parse is returned as it is.
func tidySource(name string, before, after []byte, pkg *types.Package) []byte {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, after, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return after
	}
	if old, err := parser.ParseFile(token.NewFileSet(), name, before, parser.SkipObjectResolution); err == nil {
		usedBefore := referencedNames(old)
		usedAfter := referencedNames(file)
		for _, spec := range file.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			local := importName(spec, path, pkg)
			if local == "" || local == "_" || local == "." {
				continue
			}
			if usedBefore[local] && !usedAfter[local] {
				if spec.Name != nil {
					astutil.DeleteNamedImport(fset, file, spec.Name.Name, path)
				} else {
					astutil.DeleteImport(fset, file, path)
				}
			}
		}
	}
	ast.SortImports(fset, file)
	var b bytes.Buffer
	if err := format.Node(&b, fset, file); err != nil {
		return after
	}
	return b.Bytes()
}

// referencedNames returns the identifiers used as the X of a selector
// expression: the package names a file refers to (and other values).
func referencedNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				names[id.Name] = true
			}
		}
		return true
	})
	return names
}

// importName is the name an import declares in its file: the explicit
// name, else the imported package's name from the type information, else
// the last element of the path.
func importName(spec *ast.ImportSpec, path string, pkg *types.Package) string {
	if spec.Name != nil {
		return spec.Name.Name
	}
	if pkg != nil {
		for _, imp := range pkg.Imports() {
			if imp.Path() == path {
				return imp.Name()
			}
		}
	}
	return ""
}

// writeFixes writes the fixed files.
func writeFixes(o *fixOutcome) error {
	for _, name := range sortedFiles(o.files) {
		if err := os.WriteFile(name, o.files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func sortedFiles(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
