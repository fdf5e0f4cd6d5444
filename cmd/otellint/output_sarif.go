package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/internal/checkdoc"
)

// SARIF 2.1.0 (OASIS), as GitHub code scanning and other dashboards read it:
// one run; one reportingDescriptor per rule/check of the rules that ran
// (and otellint/directive), described from the rules' docs; one result per
// finding with its region, its suggested fixes and a partial fingerprint
// that ignores line numbers (the baseline's); load and analyzer errors as
// tool execution notifications. Artifact URIs are relative to %SRCROOT%,
// the working directory.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 *sarifHelp      `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

const (
	sarifSchema      = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	srcRoot          = "%SRCROOT%"
	fingerprintKey   = "otellint/v1"
	sarifResultLevel = "warning"
)

func printSARIF(w io.Writer, r *report) error {
	rules, index := sarifRules(r)
	lines := newLineCache()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "otellint",
			Version:        moduleVersion(),
			InformationURI: checkdoc.Repository,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.loadErrs) == 0 && len(r.errors) == 0}},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	if workDir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(workDir) + "/"}}
	}
	for _, e := range r.loadErrs {
		n := sarifNotification{Level: "error", Message: sarifText{e.msg}}
		if e.file != "" {
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact(e.file),
				Region:           lines.region(e.file, e.line, e.col, e.line, e.col),
			}}}
		}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
	}
	for _, e := range r.errors {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{e.String()}})
	}
	for _, f := range r.findings {
		i, ok := index[f.category()]
		if !ok {
			// A category the docs do not know (an analyzer without a
			// checks flag): describe it on the fly.
			rules = append(rules, sarifRuleFor(f.analyzer, f.rule, f.check))
			i = len(rules) - 1
			index[f.category()] = i
			run.Tool.Driver.Rules = rules
		}
		res := sarifResult{
			RuleID:    f.category(),
			RuleIndex: i,
			Level:     sarifResultLevel,
			Message:   sarifText{f.message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact(f.posn.Filename),
				Region:           lines.region(f.posn.Filename, f.posn.Line, f.posn.Column, f.end.Line, f.end.Column),
			}}},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprintHash(f)},
		}
		for j, rel := range f.diag.Related {
			id := j + 1
			p, e := f.fset.Position(rel.Pos), f.fset.Position(rel.End)
			if !e.IsValid() {
				e = p
			}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:      &id,
				Message: &sarifText{rel.Message},
				PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: artifact(p.Filename),
					Region:           lines.region(p.Filename, p.Line, p.Column, e.Line, e.Column),
				},
			})
		}
		for _, fix := range f.diag.SuggestedFixes {
			res.Fixes = append(res.Fixes, sarifFixOf(f, fix))
		}
		run.Results = append(run.Results, res)
	}
	data, err := json.MarshalIndent(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// sarifRules describes every check of the rules that ran, and
// otellint/directive, and indexes them by rule/check.
func sarifRules(r *report) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	for _, a := range r.analyzers {
		for _, check := range checkdoc.Checks(a) {
			index[a.Name+"/"+check] = len(rules)
			rules = append(rules, sarifRuleFor(a, a.Name, check))
		}
	}
	index[checkdoc.DirectiveRule+"/"+checkdoc.DirectiveCheck] = len(rules)
	rules = append(rules, sarifRuleFor(nil, checkdoc.DirectiveRule, checkdoc.DirectiveCheck))
	return rules, index
}

func sarifRuleFor(a *analysis.Analyzer, rule, check string) sarifRule {
	sec := checkdoc.DirectiveSection()
	if a != nil {
		sec = checkdoc.Section(a, check)
	}
	short, full := checkdoc.Summary(sec), checkdoc.Plain(sec)
	if short == "" && a != nil {
		short = checkdoc.Title(a)
	}
	if full == "" {
		full = short
	}
	link := checkdoc.URL(a, rule, check)
	return sarifRule{
		ID:                   rule + "/" + check,
		Name:                 pascal(rule) + pascal(check),
		ShortDescription:     sarifText{short},
		FullDescription:      sarifText{full},
		Help:                 &sarifHelp{Text: full + "\n\n" + link, Markdown: checkdoc.Markdown(sec) + "\n\n[Documentation](" + link + ")"},
		HelpURI:              link,
		DefaultConfiguration: sarifRuleConfig{Level: sarifResultLevel},
		Properties:           map[string]any{"tags": []string{"opentelemetry", "observability", rule}},
	}
}

// pascal turns "not-ended" into "NotEnded".
func pascal(s string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == '/' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func sarifFixOf(f *finding, fix analysis.SuggestedFix) sarifFix {
	byFile := map[string]*sarifArtifactChange{}
	var order []string
	for _, e := range fix.TextEdits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		start, stop := f.fset.Position(e.Pos), f.fset.Position(end)
		ch := byFile[start.Filename]
		if ch == nil {
			ch = &sarifArtifactChange{ArtifactLocation: artifact(start.Filename)}
			byFile[start.Filename] = ch
			order = append(order, start.Filename)
		}
		off, length := start.Offset, stop.Offset-start.Offset
		rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &length}}
		if len(e.NewText) > 0 {
			rep.InsertedContent = &sarifText{string(e.NewText)}
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	out := sarifFix{Description: sarifText{fix.Message}}
	for _, name := range order {
		out.ArtifactChanges = append(out.ArtifactChanges, *byFile[name])
	}
	return out
}

// artifact locates a file relative to %SRCROOT% when it lies inside the
// working directory, else by its absolute file URI.
func artifact(file string) sarifArtifactLoc {
	rel := displayPath(file)
	if filepath.IsAbs(rel) {
		return sarifArtifactLoc{URI: fileURI(rel)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
}

func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// fingerprintHash is the baseline fingerprint of f (relative to the working
// directory) as a hex digest, stable across unrelated edits.
func fingerprintHash(f *finding) string {
	k := fingerprint(f, workDir)
	return hashStrings(k.file, k.function, k.check, k.message)
}

// lineCache converts Go's byte columns to SARIF's UTF-16 columns, reading
// each file once.
type lineCache struct{ files map[string][]string }

func newLineCache() *lineCache { return &lineCache{files: map[string][]string{}} }

func (c *lineCache) line(file string, n int) (string, bool) {
	lines, ok := c.files[file]
	if !ok {
		data, err := os.ReadFile(file)
		if err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c.files[file] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// column converts a 1-based byte column of line n to a 1-based UTF-16 one.
func (c *lineCache) column(file string, n, col int) int {
	text, ok := c.line(file, n)
	if !ok || col < 1 {
		return col
	}
	prefix := text[:min(col-1, len(text))]
	if !utf8.ValidString(prefix) {
		return col
	}
	return len(utf16.Encode([]rune(prefix))) + 1
}

func (c *lineCache) region(file string, line, col, endLine, endCol int) *sarifRegion {
	if line < 1 {
		return nil
	}
	r := &sarifRegion{StartLine: line}
	if col > 0 {
		r.StartColumn = c.column(file, line, col)
	}
	if endLine >= line && endCol > 0 && (endLine > line || endCol >= col) {
		r.EndLine = endLine
		r.EndColumn = c.column(file, endLine, endCol)
	}
	return r
}
