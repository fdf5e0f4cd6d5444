// Command otellint checks Go packages for OpenTelemetry instrumentation
// mistakes.
//
// Usage:
//
//	otellint [flags] ./...
//	otellint help [rule]
//	go vet -vettool=$(command -v otellint) ./...
//
// Exit codes: 0 no findings, 1 load or usage error, 3 findings.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/otellint/otellint"
)

func main() {
	// The multichecker parses flags with the standard flag package, which
	// exits 2 and prints every flag on a bad one. We promise exit code 1 for
	// usage errors and a message that fits on a line.
	name := filepath.Base(os.Args[0])
	flag.CommandLine = flag.NewFlagSet(name, flag.PanicOnError)
	flag.CommandLine.Usage = func() {
		badFlags = true
		fmt.Fprintf(os.Stderr, "run '%s help' for usage, or '%s help <rule>' for a rule's flags\n", name, name)
	}
	defer exitOnFlagError()
	multichecker.Main(otellint.Analyzers()...)
}

// badFlags is set by the flag set's Usage, which the flag package calls just
// before it fails on a bad flag (or on -h).
var badFlags bool

// exitOnFlagError turns the flag package's panic on a bad flag into exit
// code 1 (0 for -h). Any other panic propagates unchanged.
func exitOnFlagError() {
	r := recover()
	if r == nil {
		return
	}
	if err, ok := r.(error); ok && badFlags {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(1)
	}
	panic(r)
}
