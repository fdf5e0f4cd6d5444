package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// options are the command line of a standalone run.
type options struct {
	format  string // text, json, sarif, github
	json    bool   // -json: the multichecker's flag, same as -format=json
	context int    // -c: lines of context around a finding (text)
	fix     bool
	diff    bool
	test    bool
	tags    string

	config              string
	baseline            string
	writeBaseline       string
	newFromRev          string
	reportUnusedIgnores bool

	version    bool
	versionArg string // -V / -V=full

	cpuprofile, memprofile, trace string
	debug                         string

	// enable holds the -<rule> flags: set true, the run is limited to the
	// rules so named; set false, those rules are left out.
	enable map[string]*triState
	// set records the names of the flags given on the command line.
	set map[string]bool
}

// newFlagSet declares every flag of the command on a fresh flag set: the
// driver's own, the multichecker's (kept for existing scripts), and for each
// analyzer -<rule> and -<rule>.<flag>, bound to the analyzer's own flags.
func newFlagSet(opts *options, analyzers []*analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet("otellint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}

	fs.StringVar(&opts.format, "format", "text", "output format: text, json, sarif or github (GitHub Actions annotations)")
	fs.BoolVar(&opts.json, "json", false, "same as -format=json (the x/tools JSON shape)")
	fs.IntVar(&opts.context, "c", -1, "with -format=text, also print the offending line and this many lines around it")
	fs.BoolVar(&opts.fix, "fix", false, "apply the suggested fixes, then report the findings that remain")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of writing the files")
	fs.BoolVar(&opts.test, "test", true, "also check the packages' _test.go files")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags, as for go build")

	fs.StringVar(&opts.config, "config", "", "configuration `file` (default: .otellint.yml found from the working directory up to the module root)")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings not recorded in this baseline `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "record every current finding in this baseline `file` and exit 0")
	fs.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git `revision` (uncommitted changes and untracked files included)")
	fs.BoolVar(&opts.reportUnusedIgnores, "report-unused-ignores", true, "report //otellint:ignore directives that silence nothing (otellint/directive)")

	fs.BoolVar(&opts.version, "version", false, "print otellint's version and the Go version, and exit")
	fs.Var(versionFlag{&opts.versionArg}, "V", "print the version and exit (-V=full: the go vet protocol line)")

	fs.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a CPU profile to this `file`")
	fs.StringVar(&opts.memprofile, "memprofile", "", "write a memory profile to this `file`")
	fs.StringVar(&opts.trace, "trace", "", "write an execution trace to this `file`")
	fs.StringVar(&opts.debug, "debug", "", "debug letters: t (timing of each analyzer), p (no parallelism), s (sanity checks), v (verbose)")

	// The multichecker's legacy vet shims: accepted, without effect.
	fs.Bool("source", false, "no effect (deprecated)")
	fs.Bool("all", false, "no effect (deprecated)")
	fs.Var(debugAlias{&opts.debug}, "v", "same as -debug=v")

	opts.enable = map[string]*triState{}
	for _, a := range analyzers {
		ts := new(triState)
		opts.enable[a.Name] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("run the %s rule (-%s=false: every rule but %s)", a.Name, a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
}

// parseFlags parses args and returns the options and the remaining
// arguments. An error is a usage error.
func parseFlags(args []string, analyzers []*analysis.Analyzer) (*options, []string, error) {
	opts := &options{set: map[string]bool{}}
	fs := newFlagSet(opts, analyzers)
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	fs.Visit(func(f *flag.Flag) { opts.set[f.Name] = true })
	if opts.json {
		if opts.set["format"] && opts.format != "json" {
			return nil, nil, fmt.Errorf("-json and -format=%s disagree", opts.format)
		}
		opts.format = "json"
	}
	switch opts.format {
	case "text", "json", "sarif", "github":
	default:
		return nil, nil, fmt.Errorf("-format=%s: want text, json, sarif or github", opts.format)
	}
	if opts.diff && !opts.fix {
		opts.fix = true // -diff alone: show what -fix would do
	}
	if opts.writeBaseline != "" && opts.fix {
		return nil, nil, errors.New("-write-baseline records findings; it cannot be combined with -fix")
	}
	if opts.writeBaseline != "" && opts.newFromRev != "" {
		return nil, nil, errors.New("-write-baseline records every finding; it cannot be combined with -new-from-rev")
	}
	return opts, fs.Args(), nil
}

// selectAnalyzers applies the -<rule> flags to the analyzers the
// configuration left enabled, as the multichecker does: if any -<rule> is
// true, exactly those rules run (enabled or not in the file); otherwise
// the rules set to false are left out.
func selectAnalyzers(all, enabled []*analysis.Analyzer, opts *options) []*analysis.Analyzer {
	var named []*analysis.Analyzer
	for _, a := range all {
		if *opts.enable[a.Name] == setTrue {
			named = append(named, a)
		}
	}
	if named != nil {
		return named
	}
	var keep []*analysis.Analyzer
	for _, a := range enabled {
		if *opts.enable[a.Name] != setFalse {
			keep = append(keep, a)
		}
	}
	return keep
}

func (o *options) debugging(letter byte) bool { return strings.IndexByte(o.debug, letter) >= 0 }

// triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) Get() any         { return *ts == setTrue }
func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return errors.New("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}

// versionFlag is -V: a boolean flag that also takes the value "full".
type versionFlag struct{ v *string }

func (f versionFlag) IsBoolFlag() bool { return true }
func (f versionFlag) String() string {
	if f.v == nil {
		return ""
	}
	return *f.v
}

func (f versionFlag) Set(s string) error {
	switch s {
	case "true", "full":
		*f.v = s
		return nil
	case "false":
		*f.v = ""
		return nil
	}
	return fmt.Errorf("want -V or -V=full")
}

// debugAlias is -v, the multichecker's alias for -debug=v.
type debugAlias struct{ debug *string }

func (f debugAlias) IsBoolFlag() bool { return true }
func (f debugAlias) String() string   { return "false" }
func (f debugAlias) Set(s string) error {
	if b, err := strconv.ParseBool(s); err != nil {
		return errors.New("want true or false")
	} else if b && !strings.Contains(*f.debug, "v") {
		*f.debug += "v"
	}
	return nil
}
