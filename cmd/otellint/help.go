package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/internal/checkdoc"
)

const usageText = `otellint checks Go packages for OpenTelemetry instrumentation mistakes.

Usage:

	otellint [flags] packages        check packages (./... for the module)
	otellint help [rule | rule/check] documentation of a rule or one check
	otellint version                 otellint's version and the Go version
	go vet -vettool=$(command -v otellint) [rule flags] packages

Findings go to stdout sorted by file and position, a summary to stderr.
Exit codes: 0 no findings, 3 findings, 1 the packages did not load, a flag or
the configuration is wrong, or an analyzer failed, in every output format.
Flags override .otellint.yml (found from the working directory up to the
module root), whose schema is the golangci-lint plugin's settings section.
`

// printUsage prints the general help: usage, rules and the driver's flags.
func printUsage(w io.Writer, all []*analysis.Analyzer) {
	fmt.Fprint(w, usageText)
	fmt.Fprintln(w, "\nRules (all run by default; -<rule> runs only the rules so named, -<rule>=false all but those):")
	fmt.Fprintln(w)
	for _, a := range all {
		fmt.Fprintf(w, "\t%-12s %s\n", a.Name, checkdoc.Title(a))
	}
	fmt.Fprintln(w, "\nFlags:")
	fmt.Fprintln(w)
	var opts options
	fs := newFlagSet(&opts, nil)
	fs.SetOutput(w)
	fs.VisitAll(func(f *flag.Flag) {
		switch f.Name {
		case "source", "all", "v": // legacy, no effect
			return
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
	})
	fmt.Fprintln(w, "\nRun 'otellint help <rule>' for a rule's documentation and flags (-<rule>.<flag>),")
	fmt.Fprintln(w, "'otellint help <rule>/<check>' for one check. Every check is documented at")
	fmt.Fprintln(w, checkdoc.Repository+"/blob/main/docs/checks.md.")
}

// runHelp prints the documentation of each named rule or rule/check.
func runHelp(args []string, all []*analysis.Analyzer, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stdout, all)
		return 0
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range all {
		byName[a.Name] = a
	}
	for i, arg := range args {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		rule, check, hasCheck := strings.Cut(arg, "/")
		if rule == checkdoc.DirectiveRule && (!hasCheck || check == checkdoc.DirectiveCheck) {
			printCheckHelp(stdout, nil, checkdoc.DirectiveRule, checkdoc.DirectiveCheck)
			continue
		}
		a := byName[rule]
		if a == nil {
			fmt.Fprintf(stderr, "otellint: no rule %q (rules: %s; and %s/%s)\n", rule, ruleNames(all), checkdoc.DirectiveRule, checkdoc.DirectiveCheck)
			return 1
		}
		if !hasCheck {
			printRuleHelp(stdout, a)
			continue
		}
		if checkdoc.Section(a, check) == nil {
			fmt.Fprintf(stderr, "otellint: %s has no check %q (checks: %s)\n", rule, check, strings.Join(checkdoc.Checks(a), ", "))
			return 1
		}
		printCheckHelp(stdout, a, rule, check)
	}
	return 0
}

func printRuleHelp(w io.Writer, a *analysis.Analyzer) {
	paras := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n", a.Name, checkdoc.Title(a))
	first := true
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) {
		if first {
			first = false
			fmt.Fprint(w, "\nFlags:\n\n")
		}
		fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
	})
	fs.SetOutput(w)
	fs.PrintDefaults()
	if len(paras) > 1 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(paras[1:], "\n\n"))
	}
	if checks := checkdoc.Checks(a); len(checks) > 0 {
		fmt.Fprintf(w, "\nChecks: %s; 'otellint help %s/<check>' prints one.\n", strings.Join(checks, ", "), a.Name)
	}
	if a.URL != "" {
		fmt.Fprintf(w, "Documentation: %s\n", a.URL)
	}
}

func printCheckHelp(w io.Writer, a *analysis.Analyzer, rule, check string) {
	sec := checkdoc.DirectiveSection()
	if a != nil {
		sec = checkdoc.Section(a, check)
	}
	fmt.Fprintf(w, "%s/%s: %s\n\n", rule, check, checkdoc.Summary(sec))
	fmt.Fprintln(w, checkdoc.Text(sec, ""))
	fmt.Fprintf(w, "\nDocumentation: %s\n", checkdoc.URL(a, rule, check))
	if a != nil && len(checkdoc.Checks(a)) > 0 {
		state := "on"
		if !checkdoc.Enabled(a, check) {
			state = "off"
		}
		fmt.Fprintf(w, "The check is %s by default; -%s.checks=all,-%s switches it off.\n", state, rule, check)
	}
	if a == nil {
		fmt.Fprintln(w, "-report-unused-ignores=false stops the reports of unused directives.")
	}
}

func ruleNames(all []*analysis.Analyzer) string {
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = a.Name
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
