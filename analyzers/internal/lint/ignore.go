package lint

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"sync/atomic"

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
	lines     map[lineKey][]*directive
	generated map[string]bool
	// directives lists every //otellint:ignore comment outside generated
	// files in source order, malformed ones included, for drivers that
	// report directive hygiene (EachDirective).
	directives []*directive
	// allGenerated: every file of the package is generated and none has a
	// //line directive (which could move a position out of it), so every
	// finding in the package is silenced.
	allGenerated bool
}

type lineKey struct {
	file string
	line int
}

// directive is one //otellint:ignore comment.
type directive struct {
	pos    token.Pos
	rules  []string // as written: "spanend", "spanend/not-ended", "all"
	reason string
	// used[i] records that rules[i] silenced a finding. Rules of one
	// package run concurrently, hence atomics.
	used []atomic.Bool
}

const ignorePrefix = "//otellint:ignore"

func indexIgnores(pass *analysis.Pass) (any, error) {
	ig := &Ignores{lines: map[lineKey][]*directive{}, generated: map[string]bool{}}
	ig.allGenerated = len(pass.Files) > 0
	for _, f := range pass.Files {
		generated := ast.IsGenerated(f)
		if generated {
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
				d := &directive{pos: c.Slash}
				if fields := strings.Fields(rest); len(fields) > 0 {
					d.rules = strings.Split(fields[0], ",")
					d.reason = strings.Join(fields[1:], " ")
				}
				d.used = make([]atomic.Bool, len(d.rules))
				if !generated {
					ig.directives = append(ig.directives, d)
				}
				if len(d.rules) == 0 {
					continue
				}
				p := pass.Fset.Position(c.Slash)
				for _, line := range []int{p.Line, p.Line + 1} {
					k := lineKey{p.Filename, line}
					ig.lines[k] = append(ig.lines[k], d)
				}
			}
		}
	}
	return ig, nil
}

// Silenced reports whether a finding of rule/check at pos is silenced: by a
// directive, or because pos lies in a generated file. Every directive entry
// that silences it is marked as used (see EachDirective).
func (ig *Ignores) Silenced(fset *token.FileSet, pos token.Pos, rule, check string) bool {
	if ig == nil || !pos.IsValid() || len(ig.lines) == 0 && len(ig.generated) == 0 {
		return false
	}
	p := fset.Position(pos)
	if ig.generated[p.Filename] {
		return true
	}
	silenced := false
	for _, d := range ig.lines[lineKey{p.Filename, p.Line}] {
		for i, r := range d.rules {
			if r == "all" || r == rule || r == rule+"/"+check {
				d.used[i].Store(true)
				silenced = true
			}
		}
	}
	return silenced
}

// EachDirective calls fn for every //otellint:ignore directive of the
// package outside generated files, in source order, malformed ones
// included: its position, the rules it names as written (none for a bare
// //otellint:ignore), its reason (the rest of the comment), and for each rule
// whether it has silenced a finding so far. Drivers call it after every
// rule has run on the package to report unknown rules, missing reasons and
// directives that silence nothing; the rules themselves never do, so
// golangci-lint and go vet report exactly what they did before.
func (ig *Ignores) EachDirective(fn func(pos token.Pos, rules []string, reason string, used []bool)) {
	if ig == nil {
		return
	}
	for _, d := range ig.directives {
		used := make([]bool, len(d.used))
		for i := range d.used {
			used[i] = d.used[i].Load()
		}
		fn(d.pos, append([]string(nil), d.rules...), d.reason, used)
	}
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
