package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/otellint/otellint/internal/checkdoc"
)

// The JSON format is the x/tools shape the multichecker printed with -json,
// so that existing consumers keep working: package ID → analyzer name →
// either a list of diagnostics or {"error": "..."}. Positions are absolute
// "file:line:col" strings. Additions: each diagnostic's "url" (the
// documentation of its check); directive findings under the analyzer name
// "otellint"; errors loading a package, once each, as
// {"error": "file:line:col: message\n..."} under the name "load" (under
// the package ID "" when they belong to no package).

type jsonDiagnostic struct {
	Category       string            `json:"category,omitempty"`
	Posn           string            `json:"posn"`
	End            string            `json:"end"`
	Message        string            `json:"message"`
	URL            string            `json:"url,omitempty"`
	SuggestedFixes []jsonFix         `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInfo `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelatedInfo struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonError struct {
	Err string `json:"error"`
}

func printJSON(w io.Writer, r *report) error {
	tree := map[string]map[string]any{}
	add := func(pkg, name string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = map[string]any{}
		}
		tree[pkg][name] = v
	}
	for _, f := range r.findings {
		name := checkdoc.DirectiveRule
		if f.analyzer != nil {
			name = f.analyzer.Name
		}
		list, _ := tree[f.pkgID][name].([]jsonDiagnostic)
		add(f.pkgID, name, append(list, toJSON(f)))
	}
	loadByPkg := map[string][]string{}
	var pkgOrder []string
	for _, e := range r.loadErrs {
		if _, ok := loadByPkg[e.pkgID]; !ok {
			pkgOrder = append(pkgOrder, e.pkgID)
		}
		abs := e
		loadByPkg[e.pkgID] = append(loadByPkg[e.pkgID], absoluteError(abs))
	}
	for _, pkg := range pkgOrder {
		add(pkg, "load", jsonError{strings.Join(loadByPkg[pkg], "\n")})
	}
	for _, e := range r.errors {
		add(e.pkgID, e.analyzer, jsonError{e.msg})
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func toJSON(f *finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Category: f.category(),
		Posn:     f.posn.String(),
		End:      f.end.String(),
		Message:  f.message,
		URL:      f.url(),
	}
	for _, fix := range f.diag.SuggestedFixes {
		jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
		for _, e := range fix.TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			start := f.fset.Position(e.Pos)
			jf.Edits = append(jf.Edits, jsonEdit{start.Filename, start.Offset, f.fset.Position(end).Offset, string(e.NewText)})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, rel := range f.diag.Related {
		end := rel.End
		if !end.IsValid() {
			end = rel.Pos
		}
		d.Related = append(d.Related, jsonRelatedInfo{f.fset.Position(rel.Pos).String(), f.fset.Position(end).String(), rel.Message})
	}
	return d
}

// absoluteError renders a load error with its absolute file name.
func absoluteError(e loadError) string {
	if e.file == "" {
		return e.msg
	}
	s := e.file
	if e.line > 0 {
		s += fmt.Sprintf(":%d", e.line)
		if e.col > 0 {
			s += fmt.Sprintf(":%d", e.col)
		}
	}
	return s + ": " + e.msg
}
