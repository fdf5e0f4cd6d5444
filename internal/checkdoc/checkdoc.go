// Package checkdoc derives the documentation of every rule/check from the
// analyzers themselves: the check names from each analyzer's -<rule>.checks
// flag, the text of each check from the analyzer's Doc (its doc.go), and a
// documentation link per check into docs/checks.md, which is generated from
// the same text (go generate: internal/cmd/gen-checks-doc). Nothing here
// lists rules or checks by hand, so an analyzer added to
// otellint.Analyzers() is documented, linked and described in SARIF output
// without a change here.
//
// A rule's doc.go describes its checks in one of three shapes, all
// understood:
//
//   - a paragraph starting "<check>: " (spanend, ctxprop, logmix,
//     cardinality), which runs on through the following paragraphs up to the
//     next check, heading or the end;
//   - a list item "  - <check>: " (pii, spanname);
//   - a heading "# <check>" (sdksetup), which runs up to the next heading.
package checkdoc

import (
	"flag"
	"go/doc/comment"
	"net/url"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Driver-level check: the standalone command reports //otellint:ignore
// directives that name an unknown rule or check, give no reason, or silence
// nothing under this category.
const (
	DirectiveRule  = "otellint"
	DirectiveCheck = "directive"
)

// DirectiveDoc documents the otellint/directive check, in doc comment syntax.
const DirectiveDoc = `directive: an //otellint:ignore directive that is malformed or silences nothing. The standalone command reports a directive that names an unknown rule or check (a misspelling silences nothing), one that gives no reason after the rule list, one that names no rule at all, and one whose rules ran and reported nothing on its line or the line below it (it silences nothing; remove it). A directive for a rule or check switched off in the run, or in a generated file, is not reported as unused. -report-unused-ignores=false stops the reports of unused directives. golangci-lint and go vet do not report directives: golangci-lint has its own nolintlint.

A directive reads

	//otellint:ignore <rule>[,<rule>...] <reason>

where a rule may be all, a rule's name, or <rule>/<check> for one check; it silences those findings on its own line and on the line below.`

// Repository is the project's home, used when an analyzer has no URL.
const Repository = "https://github.com/otellint/otellint"

// checksFlag is what lint.Checks provides behind every analyzer's "checks"
// flag (lint is internal to analyzers/, so it is reached by method set).
type checksFlag interface {
	Known() []string
	Enabled(string) bool
}

func checksOf(a *analysis.Analyzer) checksFlag {
	if a == nil {
		return nil
	}
	f := a.Flags.Lookup("checks")
	if f == nil {
		return nil
	}
	c, _ := f.Value.(checksFlag)
	return c
}

// Checks returns the names of a's checks, in the order its -<rule>.checks
// flag knows them, or nil when a has no such flag.
func Checks(a *analysis.Analyzer) []string {
	if c := checksOf(a); c != nil {
		return c.Known()
	}
	return nil
}

// Enabled reports whether check of a is switched on by a's -<rule>.checks
// flag (true when a has no such flag).
func Enabled(a *analysis.Analyzer, check string) bool {
	if c := checksOf(a); c != nil {
		return c.Enabled(check)
	}
	return true
}

// KnownCheck reports whether check is one of a's checks (any name is, for an
// analyzer without a checks flag).
func KnownCheck(a *analysis.Analyzer, check string) bool {
	known := Checks(a)
	if known == nil {
		return true
	}
	for _, k := range known {
		if k == check {
			return true
		}
	}
	return false
}

// Title returns the first paragraph of a's Doc: its one-line summary.
func Title(a *analysis.Analyzer) string {
	title, _, _ := strings.Cut(a.Doc, "\n\n")
	return strings.Join(strings.Fields(title), " ")
}

// Anchor is the HTML anchor of rule/check in docs/checks.md.
func Anchor(rule, check string) string { return rule + "-" + check }

// URL returns the documentation link of rule/check: its anchor in
// docs/checks.md of the repository a.URL points into (the repository
// itself when a is nil or has no URL).
func URL(a *analysis.Analyzer, rule, check string) string {
	return repositoryOf(a) + "/blob/main/docs/checks.md#" + Anchor(rule, check)
}

// repositoryOf is a.URL without its fragment and query.
func repositoryOf(a *analysis.Analyzer) string {
	if a == nil || a.URL == "" {
		return Repository
	}
	u, err := url.Parse(a.URL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return Repository
	}
	u.Fragment, u.RawQuery, u.RawFragment = "", "", ""
	return strings.TrimSuffix(u.String(), "/")
}

// parser parses doc comment text with no doc links: a rule's prose mentions
// [brackets] that are not Go symbols.
var parser = &comment.Parser{
	LookupPackage: func(string) (string, bool) { return "", false },
	LookupSym:     func(string, string) bool { return false },
}

// Section returns the part of a's documentation that describes check, as
// a parsed doc comment, or nil when a's Doc does not describe it.
func Section(a *analysis.Analyzer, check string) *comment.Doc {
	return section(a.Doc, check, Checks(a))
}

// DirectiveSection is Section for otellint/directive.
func DirectiveSection() *comment.Doc {
	return section(DirectiveDoc, DirectiveCheck, []string{DirectiveCheck})
}

func section(doc, check string, known []string) *comment.Doc {
	blocks := parser.Parse(doc).Content
	isKnown := func(name string) bool {
		for _, k := range known {
			if k == name {
				return true
			}
		}
		return false
	}
	for i, b := range blocks {
		switch b := b.(type) {
		case *comment.Heading:
			if plainText(b.Text) != check {
				continue
			}
			j := i + 1
			for j < len(blocks) {
				if _, ok := blocks[j].(*comment.Heading); ok {
					break
				}
				j++
			}
			return &comment.Doc{Content: blocks[i+1 : j]}
		case *comment.Paragraph:
			if checkOfParagraph(b) != check {
				continue
			}
			j := i + 1
			for j < len(blocks) && !startsCheck(blocks[j], isKnown) {
				j++
			}
			return &comment.Doc{Content: blocks[i:j]}
		case *comment.List:
			for _, item := range b.Items {
				if len(item.Content) == 0 {
					continue
				}
				if p, ok := item.Content[0].(*comment.Paragraph); ok && checkOfParagraph(p) == check {
					return &comment.Doc{Content: item.Content}
				}
			}
		}
	}
	return nil
}

// startsCheck reports whether block b ends the current check's section: a
// heading, or a paragraph or list that starts another check.
func startsCheck(b comment.Block, isKnown func(string) bool) bool {
	switch b := b.(type) {
	case *comment.Heading:
		return true
	case *comment.Paragraph:
		return isKnown(checkOfParagraph(b))
	case *comment.List:
		for _, item := range b.Items {
			if len(item.Content) > 0 {
				if p, ok := item.Content[0].(*comment.Paragraph); ok && isKnown(checkOfParagraph(p)) {
					return true
				}
			}
		}
	}
	return false
}

// checkOfParagraph returns "name" for a paragraph starting "name: ", where
// name looks like a check name (lowercase letters, digits and hyphens).
func checkOfParagraph(p *comment.Paragraph) string {
	text := plainText(p.Text)
	name, _, ok := strings.Cut(text, ": ")
	if !ok || name == "" {
		return ""
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return ""
		}
	}
	return name
}

func plainText(texts []comment.Text) string {
	var b strings.Builder
	for _, t := range texts {
		switch t := t.(type) {
		case comment.Plain:
			b.WriteString(string(t))
		case comment.Italic:
			b.WriteString(string(t))
		case *comment.Link:
			b.WriteString(plainText(t.Text))
		case *comment.DocLink:
			b.WriteString(plainText(t.Text))
		}
	}
	return b.String()
}

// Text renders a section as plain text wrapped at 80 columns with prefix
// on every line, for the terminal.
func Text(d *comment.Doc, prefix string) string {
	if d == nil {
		return ""
	}
	p := &comment.Printer{TextPrefix: prefix}
	return strings.TrimRight(string(p.Text(d)), "\n")
}

// Plain renders a section as plain text with unwrapped paragraphs (SARIF
// descriptions).
func Plain(d *comment.Doc) string {
	if d == nil {
		return ""
	}
	p := &comment.Printer{TextWidth: -1}
	return strings.TrimRight(string(p.Text(d)), "\n")
}

// Markdown renders a section as Markdown.
func Markdown(d *comment.Doc) string {
	if d == nil {
		return ""
	}
	p := &comment.Printer{HeadingLevel: 4, HeadingID: func(*comment.Heading) string { return "" }}
	return strings.TrimRight(string(p.Markdown(d)), "\n")
}

// Summary returns the first sentence of a section, without the "check: "
// prefix of a paragraph-shaped section, cut at its first top-level colon or
// semicolon (what follows is usually a list of cases): a short description.
func Summary(d *comment.Doc) string {
	if d == nil || len(d.Content) == 0 {
		return ""
	}
	p, ok := d.Content[0].(*comment.Paragraph)
	if !ok {
		return ""
	}
	text := strings.Join(strings.Fields(plainText(p.Text)), " ")
	if name := checkOfParagraph(p); name != "" {
		text = strings.TrimPrefix(text, name+": ")
	}
	// A first sentence too short to describe anything ("Off by default.")
	// takes the next one along.
	end := 0
	for end < len(text) {
		i := sentenceEnd(text[end:])
		if i < 0 {
			end = len(text)
			break
		}
		end += i
		if end >= 24 {
			break
		}
		end += 2
	}
	text = strings.TrimRight(text[:min(end, len(text))], ".:;, ")
	if text == "" {
		return ""
	}
	return text + "."
}

// sentenceEnd returns the index of the first ". ", ": " or "; " outside
// parentheses, brackets, braces and double quotes, or -1. A period inside
// a call such as "span.End()" or "r.URL.Path" is not an end (no space
// follows), nor is the one of "e.g. " or "i.e. ".
func sentenceEnd(s string) int {
	depth, quoted := 0, false
	for i := 0; i+1 < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (c == '.' || c == ':' || c == ';') && s[i+1] == ' ':
			if c == '.' && (strings.HasSuffix(s[:i], "e.g") || strings.HasSuffix(s[:i], "i.e")) {
				continue
			}
			return i
		}
	}
	return -1
}

// FlagNames returns a's flags as -<rule>.<name>, in order.
func FlagNames(a *analysis.Analyzer) []string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, "-"+a.Name+"."+f.Name) })
	return names
}
