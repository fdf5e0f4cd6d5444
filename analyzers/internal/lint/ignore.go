package lint

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreAnalyzer indexes the //otellint:ignore directives of a package. Every
// rule requires it; Reporter consults it. It exports no facts.
//
// A directive reads
//
//	//otellint:ignore <rule>[,<rule>...] <reason>
//
// and silences the named rules (or "all") on its own line and on the line
// below it. A rule may be written with its check ("spanend/discarded") to
// silence only that check.
var IgnoreAnalyzer = &analysis.Analyzer{
	Name:             "otellintignore",
	Doc:              "index //otellint:ignore directives (internal)",
	Run:              indexIgnores,
	ResultType:       reflect.TypeOf((*Ignores)(nil)),
	RunDespiteErrors: true,
}

// Ignores maps a file and line to the rules silenced there, and knows the
// package's generated files (whose findings are never reported: generated
// code is not the user's to fix).
type Ignores struct {
	lines     map[lineKey][]string
	generated map[string]bool
	// allGenerated: every file of the package is generated and none has a
	// //line directive (which could move a position out of it), so every
	// finding in the package is silenced.
	allGenerated bool
}

type lineKey struct {
	file string
	line int
}

const ignorePrefix = "//otellint:ignore"

func indexIgnores(pass *analysis.Pass) (any, error) {
	ig := &Ignores{lines: map[lineKey][]string{}, generated: map[string]bool{}}
	ig.allGenerated = len(pass.Files) > 0
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			ig.generated[pass.Fset.File(f.FileStart).Name()] = true
		} else {
			ig.allGenerated = false
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, "//line ") || strings.HasPrefix(c.Text, "/*line ") {
					ig.allGenerated = false
				}
				if !strings.HasPrefix(c.Text, ignorePrefix) {
					continue
				}
				rest := strings.TrimPrefix(c.Text, ignorePrefix)
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // e.g. //otellint:ignored
				}
				fields := strings.Fields(rest)
				if len(fields) == 0 {
					continue
				}
				rules := strings.Split(fields[0], ",")
				p := pass.Fset.Position(c.Slash)
				for _, line := range []int{p.Line, p.Line + 1} {
					k := lineKey{p.Filename, line}
					ig.lines[k] = append(ig.lines[k], rules...)
				}
			}
		}
	}
	return ig, nil
}

// Silenced reports whether a finding of rule/check at pos is silenced: by a
// directive, or because pos lies in a generated file.
func (ig *Ignores) Silenced(fset *token.FileSet, pos token.Pos, rule, check string) bool {
	if ig == nil || !pos.IsValid() || len(ig.lines) == 0 && len(ig.generated) == 0 {
		return false
	}
	p := fset.Position(pos)
	if ig.generated[p.Filename] {
		return true
	}
	for _, r := range ig.lines[lineKey{p.Filename, p.Line}] {
		if r == "all" || r == rule || r == rule+"/"+check {
			return true
		}
	}
	return false
}

// AllGenerated reports whether every file of the package is generated (and
// no //line directive moves a position out of them). Every finding there is
// silenced, so a rule skips such a package before doing any work: it could
// report nothing.
func AllGenerated(pass *analysis.Pass) bool {
	ig, _ := pass.ResultOf[IgnoreAnalyzer].(*Ignores)
	return ig != nil && ig.allGenerated
}

// Reporter reports a rule's diagnostics: it sets the Category to
// "<rule>/<check>", appends the category to the message so that text output
// names the rule, and drops findings silenced by a directive.
type Reporter struct {
	pass    *analysis.Pass
	rule    string
	ignores *Ignores
	checks  *Checks
}

// NewReporter returns the Reporter of pass for rule. checks may be nil (all
// checks on).
func NewReporter(pass *analysis.Pass, rule string, checks *Checks) *Reporter {
	ig, _ := pass.ResultOf[IgnoreAnalyzer].(*Ignores)
	return &Reporter{pass: pass, rule: rule, ignores: ig, checks: checks}
}

// Enabled reports whether check is switched on.
func (r *Reporter) Enabled(check string) bool {
	return r.checks == nil || r.checks.Enabled(check)
}

// Report reports d under check, unless the check is off or silenced.
func (r *Reporter) Report(check string, d analysis.Diagnostic) {
	if !r.Enabled(check) || r.ignores.Silenced(r.pass.Fset, d.Pos, r.rule, check) {
		return
	}
	d.Category = r.rule + "/" + check
	d.Message += " (" + d.Category + ")"
	r.pass.Report(d)
}

// Reportf reports a finding of check at node.
func (r *Reporter) Reportf(check string, node ast.Node, format string, args ...any) {
	r.Report(check, analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: sprintf(format, args...)})
}
