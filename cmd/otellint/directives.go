package main

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/internal/checkdoc"
)

// directive is one //otellint:ignore comment, merged over the packages
// that contain its file (p and p [p.test]).
type directive struct {
	pd     *packageDirectives
	raw    rawDirective
	used   []bool
	offset int
}

// directiveFindings checks the //otellint:ignore directives seen in the
// run: an unknown rule or check, no reason, no rule at all, and (when
// reportUnused) a directive entry that silenced nothing although its rule
// or check ran. all is every analyzer of the suite (which names a directive
// may use); ran are the analyzers of this run.
func directiveFindings(pds []packageDirectives, all, ran []*analysis.Analyzer, reportUnused bool) []*finding {
	known := map[string]*analysis.Analyzer{}
	for _, a := range all {
		known[a.Name] = a
	}
	running := map[string]bool{}
	for _, a := range ran {
		running[a.Name] = true
	}

	// Merge the copies of each directive.
	merged := map[string]*directive{}
	var order []string
	for i := range pds {
		pd := &pds[i]
		for _, raw := range pd.directives {
			p := pd.fset.Position(raw.pos)
			k := fmt.Sprintf("%s:%d", p.Filename, p.Offset)
			d, ok := merged[k]
			if ok && len(pd.pkgID) < len(d.pd.pkgID) {
				d.pd = pd // name the plainer package (p, not p [p.test])
			}
			if !ok {
				d = &directive{pd: pd, raw: raw, used: make([]bool, len(raw.used)), offset: p.Offset}
				merged[k] = d
				order = append(order, k)
			}
			for j, u := range raw.used {
				d.used[j] = d.used[j] || u
			}
		}
	}

	var out []*finding
	for _, k := range order {
		d := merged[k]
		report := func(format string, args ...any) {
			out = append(out, directiveFinding(d, fmt.Sprintf(format, args...)))
		}
		text := "//otellint:ignore " + strings.Join(d.raw.rules, ",")
		if len(d.raw.rules) == 0 {
			report("//otellint:ignore names no rule and silences nothing; write //otellint:ignore <rule> <reason>, or remove it")
			continue
		}
		valid := make([]bool, len(d.raw.rules))
		for i, r := range d.raw.rules {
			if msg := checkDirectiveRule(r, known); msg != "" {
				report("%s", msg)
				continue
			}
			valid[i] = true
		}
		if d.raw.reason == "" {
			report("%s gives no reason; say after the rule list why the finding is wrong or accepted", text)
		}
		if !reportUnused {
			continue
		}
		var unused []string
		for i, r := range d.raw.rules {
			if valid[i] && !d.used[i] && couldSilence(r, known, running) {
				unused = append(unused, r)
			}
		}
		switch {
		case len(unused) == 0:
		case len(unused) == len(d.raw.rules):
			report("%s silences nothing: no %s finding on this line or the next; remove it", text, describeRules(unused))
		default:
			report("%s silences nothing for %s on this line or the next; remove %s from the list", text, describeRules(unused), quoteList(unused))
		}
	}
	return out
}

// checkDirectiveRule returns what is wrong with one entry of a directive's
// rule list, or "".
func checkDirectiveRule(entry string, known map[string]*analysis.Analyzer) string {
	if entry == "all" {
		return ""
	}
	rule, check, hasCheck := strings.Cut(entry, "/")
	a := known[rule]
	if a == nil {
		return fmt.Sprintf("//otellint:ignore names unknown rule %q, which silences nothing (known: all, %s)", rule, knownRules(known))
	}
	if hasCheck && !checkdoc.KnownCheck(a, check) {
		return fmt.Sprintf("//otellint:ignore names unknown check %q of %s, which silences nothing (known: %s)", check, rule, strings.Join(checkdoc.Checks(a), ", "))
	}
	return ""
}

// couldSilence reports whether a valid directive entry names a rule (and
// check) that ran: only then does silencing nothing mean it is stale.
func couldSilence(entry string, known map[string]*analysis.Analyzer, running map[string]bool) bool {
	if entry == "all" {
		return len(running) > 0
	}
	rule, check, hasCheck := strings.Cut(entry, "/")
	if !running[rule] {
		return false
	}
	return !hasCheck || checkdoc.Enabled(known[rule], check)
}

func directiveFinding(d *directive, msg string) *finding {
	pos := d.raw.pos
	posn := d.pd.fset.Position(pos)
	category := checkdoc.DirectiveRule + "/" + checkdoc.DirectiveCheck
	return &finding{
		rule:     checkdoc.DirectiveRule,
		check:    checkdoc.DirectiveCheck,
		posn:     posn,
		end:      posn,
		message:  msg + " (" + category + ")",
		function: enclosingFunction(d.pd.fset, d.pd.files, pos),
		pkgID:    d.pd.pkgID,
		fset:     d.pd.fset,
		diag:     analysis.Diagnostic{Pos: pos, Category: category},
	}
}

func describeRules(rules []string) string {
	if len(rules) == 1 {
		return rules[0]
	}
	return strings.Join(rules[:len(rules)-1], ", ") + " or " + rules[len(rules)-1]
}

func quoteList(rules []string) string {
	q := make([]string, len(rules))
	for i, r := range rules {
		q[i] = fmt.Sprintf("%q", r)
	}
	return strings.Join(q, ", ")
}

func knownRules(known map[string]*analysis.Analyzer) string {
	names := make([]string, 0, len(known))
	for n := range known {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
