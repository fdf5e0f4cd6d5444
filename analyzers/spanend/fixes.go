package spanend

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// canInsertDeferEnd reports whether `defer span.End()` may be inserted right
// after the start: the start is a plain assignment statement of a statement
// list, not in a loop (a defer there would run only at function return), and
// the span is neither ended nor handed on anywhere in the function.
func (c *checker) canInsertDeferEnd(fi *funcInfo, s *startSite, v *types.Var, named bool) bool {
	if _, ok := s.stmt.(*ast.AssignStmt); !ok || !s.inList || s.inLoop {
		return false
	}
	e := c.effectOf(fi.body, v, named)
	return !e.kind.handled() && e.kind != effPartialDefer
}

// deferEndFix inserts `defer span.End()` on the line after the start.
func (c *checker) deferEndFix(s *startSite, v *types.Var) []analysis.SuggestedFix {
	pos := c.lineEnd(s.stmt.End())
	text := "\n" + c.indentOf(s.stmt.Pos()) + "defer " + v.Name() + ".End()"
	return []analysis.SuggestedFix{{
		Message:   "Add defer " + v.Name() + ".End()",
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
	}}
}

// lineEnd returns the end of the line holding pos, after any comment that
// follows the statement ending at pos on that line.
func (c *checker) lineEnd(pos token.Pos) token.Pos {
	file := c.fileOf(pos)
	if file == nil {
		return pos
	}
	line := c.line(pos)
	end := pos
	for _, cg := range file.Comments {
		for _, cm := range cg.List {
			if cm.Pos() >= end && c.line(cm.Pos()) == line {
				end = cm.End()
			}
		}
	}
	return end
}

// indentOf returns the leading white space of the line holding pos.
func (c *checker) indentOf(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	if c.pass.ReadFile != nil {
		if src, err := c.pass.ReadFile(p.Filename); err == nil {
			start := p.Offset - (p.Column - 1)
			if start >= 0 && p.Offset <= len(src) {
				prefix := string(src[start:p.Offset])
				if strings.TrimLeft(prefix, " \t") == "" {
					return prefix
				}
			}
		}
	}
	return strings.Repeat("\t", p.Column-1)
}

// setStatusFix adds `span.SetStatus(codes.Error, err.Error())` after a
// RecordError statement, importing go.opentelemetry.io/otel/codes when the
// file does not. It offers nothing when the error is not a plain variable
// (re-evaluating it could have effects) or the name codes is taken.
func (c *checker) setStatusFix(stmt *ast.ExprStmt, call *ast.CallExpr, recv ast.Expr) []analysis.SuggestedFix {
	if len(call.Args) == 0 {
		return nil
	}
	errID, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	errVar, ok := c.info.Uses[errID].(*types.Var)
	if !ok || !isError(errVar.Type()) {
		return nil
	}
	file := c.fileOf(stmt.Pos())
	if file == nil || !c.guardedNonNil(file, stmt, errVar) {
		return nil // err.Error() could panic on a nil error
	}
	codesName, importEdit, ok := c.codesImport(file, stmt.Pos())
	if !ok {
		return nil
	}
	text := "\n" + c.indentOf(stmt.Pos()) + types.ExprString(recv) + ".SetStatus(" + codesName + ".Error, " + errID.Name + ".Error())"
	at := c.lineEnd(stmt.End())
	edits := []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return []analysis.SuggestedFix{{
		Message:   "Add " + types.ExprString(recv) + ".SetStatus(" + codesName + ".Error, " + errID.Name + ".Error())",
		TextEdits: edits,
	}}
}

// guardedNonNil reports whether stmt runs only when errVar is not nil: it
// is in the then-branch of if err != nil (or the else-branch of if err ==
// nil) and nothing assigns err in between.
func (c *checker) guardedNonNil(file *ast.File, stmt ast.Stmt, errVar *types.Var) bool {
	path, _ := astutil.PathEnclosingInterval(file, stmt.Pos(), stmt.End())
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			inBody := path[i-1] == ast.Node(n.Body)
			inElse := n.Else != nil && path[i-1] == n.Else
			switch {
			case inBody && c.impliesNonNil(n.Cond, errVar):
				return !c.assignedBetween(errVar, n.Body.Pos(), stmt.Pos())
			case inElse && nilTest(c.info, n.Cond, errVar) == token.EQL:
				return !c.assignedBetween(errVar, n.Else.Pos(), stmt.Pos())
			}
		}
	}
	return false
}

// impliesNonNil reports whether cond holds only when v is not nil: v != nil,
// or a conjunction with it (err != nil && !errors.Is(err, io.EOF)).
func (c *checker) impliesNonNil(cond ast.Expr, v *types.Var) bool {
	if nilTest(c.info, cond, v) == token.NEQ {
		return true
	}
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	return ok && be.Op == token.LAND && (c.impliesNonNil(be.X, v) || c.impliesNonNil(be.Y, v))
}

// assignedBetween reports whether v is assigned in the file between from
// and to.
func (c *checker) assignedBetween(v *types.Var, from, to token.Pos) bool {
	file := c.fileOf(from)
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		if found || n == nil || n.End() < from || n.Pos() > to {
			return false
		}
		if as, ok := n.(*ast.AssignStmt); ok && as.Pos() >= from && as.Pos() < to && assigns(c.info, as, v) {
			found = true
		}
		return true
	})
	return found
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// codesImport returns the name under which file refers to the codes
// package, and an edit adding the import when it is missing.
func (c *checker) codesImport(file *ast.File, at token.Pos) (string, *analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || path != api.CodesPath {
			continue
		}
		if imp.Name == nil {
			return "codes", nil, true
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return "", nil, false
		}
		return imp.Name.Name, nil, true
	}
	// The name must be free where the call goes.
	if sc := c.pass.Pkg.Scope().Innermost(at); sc != nil {
		if _, obj := sc.LookupParent("codes", at); obj != nil {
			return "", nil, false
		}
	}
	for _, imp := range file.Imports {
		if imp.Name != nil && imp.Name.Name == "codes" {
			return "", nil, false
		}
	}
	edit := addImport(c.pass.Fset, file, api.CodesPath)
	if edit == nil {
		return "", nil, false
	}
	return "codes", edit, true
}

// addImport returns an edit adding path to file's imports: into the
// parenthesized import group holding other go.opentelemetry.io imports (else
// the last group) at its sorted place, or as a new declaration.
func addImport(fset *token.FileSet, file *ast.File, path string) *analysis.TextEdit {
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			decl = gd
			break
		}
	}
	line := strconv.Quote(path)
	if decl == nil {
		pos := file.Name.End()
		return &analysis.TextEdit{Pos: pos, End: pos, NewText: []byte("\n\nimport " + line)}
	}
	if !decl.Lparen.IsValid() || len(decl.Specs) == 0 {
		pos := decl.End()
		return &analysis.TextEdit{Pos: pos, End: pos, NewText: []byte("\nimport " + line)}
	}
	specs := make([]*ast.ImportSpec, 0, len(decl.Specs))
	for _, s := range decl.Specs {
		if is, ok := s.(*ast.ImportSpec); ok {
			specs = append(specs, is)
		}
	}
	sort.SliceStable(specs, func(i, j int) bool { return specs[i].Pos() < specs[j].Pos() })
	pathOf := func(s *ast.ImportSpec) string { p, _ := strconv.Unquote(s.Path.Value); return p }
	// Prefer a spec of the same family to sit next to.
	anchor := -1
	for i, s := range specs {
		if strings.HasPrefix(pathOf(s), "go.opentelemetry.io/") {
			anchor = i
			break
		}
	}
	if anchor < 0 {
		anchor = len(specs) - 1
	}
	// Insert before the first spec after the anchor (in the anchor's run
	// of specs) whose path sorts after ours, else after the anchor's run.
	target := specs[anchor]
	for i := anchor; i < len(specs); i++ {
		if i > anchor && fset.Position(specs[i].Pos()).Line-fset.Position(specs[i-1].End()).Line > 1 {
			break
		}
		target = specs[i]
		if pathOf(specs[i]) > path {
			pos := specs[i].Pos()
			return &analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(line + "\n\t")}
		}
	}
	pos := target.End()
	return &analysis.TextEdit{Pos: pos, End: pos, NewText: []byte("\n\t" + line)}
}
