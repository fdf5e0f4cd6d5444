// Command otellint checks Go packages for OpenTelemetry instrumentation
// mistakes.
//
// Usage:
//
//	otellint [flags] ./...
//	otellint help [rule | rule/check]
//	otellint version
//	go vet -vettool=$(command -v otellint) ./...
//
// The standalone command is a driver of its own on
// golang.org/x/tools/go/analysis/checker: findings sorted by position on
// stdout in one of four formats (text, json, sarif, github), a summary on
// stderr, a configuration file shared with the golangci-lint plugin, a
// baseline and a new-lines-only mode for adopting it on an existing code
// base, -fix with a report, and checks of //otellint:ignore directives.
// When go vet runs it (-flags, -V=full, a .cfg unit), it is x/tools'
// unitchecker with the same analyzers.
//
// Exit codes: 0 no findings, 3 findings, 1 a load, usage, configuration or
// analyzer error, in every format. Under go vet, go vet's rule applies.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"

	"github.com/otellint/otellint"
)

// stdout and stderr are where the command writes.
var (
	stdout io.Writer = os.Stdout
	stderr io.Writer = os.Stderr
)

func main() {
	args := os.Args[1:]
	if isVetInvocation(args) {
		runVet(args) // does not return
	}
	os.Exit(runCommand(args))
}

// runCommand runs the standalone command and returns its exit code.
func runCommand(args []string) int {
	all := otellint.Analyzers()
	opts, rest, err := parseFlags(args, all)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, all)
		return 0
	}
	if err != nil {
		return usageError(err)
	}
	switch {
	case opts.version || opts.versionArg == "true":
		fmt.Fprintln(stdout, versionText())
		return 0
	case opts.versionArg == "full":
		path, err := findConfig(".")
		if err != nil {
			return fail(err)
		}
		line, err := vetVersionLine(path)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintln(stdout, line)
		return 0
	case len(rest) > 0 && rest[0] == "help":
		return runHelp(rest[1:], all, stdout, stderr)
	case len(rest) == 1 && rest[0] == "version":
		fmt.Fprintln(stdout, versionText())
		return 0
	case len(rest) == 0:
		return usageError(errors.New("no packages to check; try otellint ./..."))
	}

	// The configuration file sets the rules' flags first; the command line
	// is then parsed again over it, so flags win.
	path, err := configPath(opts.config)
	if err != nil {
		return fail(err)
	}
	enabled, err := configure(path)
	if err != nil {
		return fail(err)
	}
	if opts, rest, err = parseFlags(args, all); err != nil {
		return usageError(err)
	}
	if opts.debugging('v') && path != "" {
		fmt.Fprintf(stderr, "otellint: configuration %s\n", displayPath(path))
	}
	analyzers := selectAnalyzers(all, enabled, opts)
	if len(analyzers) == 0 {
		return fail(errors.New("every rule is switched off"))
	}

	stop, err := startProfiling(opts)
	if err != nil {
		return fail(err)
	}
	defer stop()
	return execute(rest, analyzers, all, opts)
}

// usageError reports a wrong command line: exit code 1 and a short message.
func usageError(err error) int {
	fmt.Fprintf(stderr, "otellint: %v\nrun 'otellint help' for usage, or 'otellint help <rule>' for a rule's flags\n", err)
	return 1
}

func fail(err error) int {
	fmt.Fprintf(stderr, "otellint: %v\n", err)
	return 1
}

// startProfiling starts -cpuprofile and -trace and returns what stops them
// and writes -memprofile.
func startProfiling(opts *options) (func(), error) {
	var stops []func()
	stop := func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if opts.cpuprofile != "" {
		f, err := os.Create(opts.cpuprofile)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return stop, err
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if opts.trace != "" {
		f, err := os.Create(opts.trace)
		if err != nil {
			return stop, err
		}
		if err := trace.Start(f); err != nil {
			return stop, err
		}
		stops = append(stops, func() { trace.Stop(); f.Close() })
	}
	if opts.memprofile != "" {
		path := opts.memprofile
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(stderr, "otellint: %v\n", err)
				return
			}
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fmt.Fprintf(stderr, "otellint: writing the memory profile: %v\n", err)
			}
			f.Close()
		})
	}
	return stop, nil
}
