package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/otellint/otellint"
)

// isVetInvocation reports whether go vet (or another build system speaking
// its protocol) runs the command: it asks for the flags, or hands over one
// compilation unit as a .cfg file.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// runVet runs x/tools' unitchecker, which parses go vet's flags (the rules'
// -<rule> and -<rule>.<flag>, -json, -c, -fix, -diff) and reports as go vet
// expects: findings on stderr and exit 1 (with -json: on stdout, exit 0),
// and go vet exits 1 when the tool does. The configuration file found from
// the package's directory applies first, so flags win; a rule it switches
// off is left out with -<rule>=false unless the command line names it.
// Directive hygiene is the standalone command's only: under go vet the
// rules report exactly what they report in golangci-lint.
func runVet(args []string) {
	all := otellint.Analyzers()
	if strings.HasSuffix(args[len(args)-1], ".cfg") {
		path, err := findConfig(".")
		if err == nil {
			var enabled []*analysis.Analyzer
			if enabled, err = configure(path); err == nil {
				os.Args = append([]string{os.Args[0]}, switchOff(args, all, enabled)...)
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "otellint: %v\n", err)
			os.Exit(1)
		}
	}
	unitchecker.Main(all...)
}

// switchOff inserts -<rule>=false before the unit for each rule the
// configuration disabled and the command line does not mention.
func switchOff(args []string, all, enabled []*analysis.Analyzer) []string {
	on := map[string]bool{}
	for _, a := range enabled {
		on[a.Name] = true
	}
	var extra []string
	for _, a := range all {
		if !on[a.Name] && !mentionsFlag(args, a.Name) {
			extra = append(extra, "-"+a.Name+"=false")
		}
	}
	if len(extra) == 0 {
		return args
	}
	out := append([]string(nil), args[:len(args)-1]...)
	out = append(out, extra...)
	return append(out, args[len(args)-1])
}

// mentionsFlag reports whether args set the flag name (-name, --name,
// -name=v).
func mentionsFlag(args []string, name string) bool {
	for _, a := range args {
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}
