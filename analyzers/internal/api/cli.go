package api

import (
	"go/ast"
	"go/types"
	"strings"
)

// Command-line frameworks and terminal output. A program built on a
// command-line framework prints its results and its failures for a person
// at a terminal: that is the program's output, not its logging.

// commandRuns are the entry points that run a command tree and return the
// error of the command that failed.
var commandRuns = map[string]bool{
	"(*github.com/spf13/cobra.Command).Execute":             true,
	"(*github.com/spf13/cobra.Command).ExecuteC":            true,
	"(*github.com/spf13/cobra.Command).ExecuteContext":      true,
	"(*github.com/spf13/cobra.Command).ExecuteContextC":     true,
	"(*github.com/urfave/cli/v2.App).Run":                   true,
	"(*github.com/urfave/cli/v2.App).RunContext":            true,
	"(*github.com/urfave/cli.App).Run":                      true,
	"(*github.com/urfave/cli/v3.Command).Run":               true,
	"(*github.com/alecthomas/kingpin/v2.Application).Parse": true,
	"(*gopkg.in/alecthomas/kingpin.v2.Application).Parse":   true,
}

// IsCommandRun reports whether call runs a command-line framework's command
// tree (cobra's Execute, urfave/cli's Run, kingpin's Parse).
func IsCommandRun(info *types.Info, call *ast.CallExpr) bool {
	return commandRuns[CalleeName(info, call)]
}

// commandTypes are the types a framework passes to the function carrying
// out a command (cobra's Run(cmd *cobra.Command, args []string), kingpin's
// Action(*kingpin.ParseContext), urfave/cli's Action(*cli.Context)), or
// that a function building the command line returns.
var commandTypes = map[[2]string]bool{
	{"github.com/spf13/cobra", "Command"}:                true,
	{"github.com/alecthomas/kingpin/v2", "ParseContext"}: true,
	{"gopkg.in/alecthomas/kingpin.v2", "ParseContext"}:   true,
	{"github.com/alecthomas/kingpin/v2", "CmdClause"}:    true,
	{"gopkg.in/alecthomas/kingpin.v2", "CmdClause"}:      true,
	{"github.com/urfave/cli", "Context"}:                 true,
	{"github.com/urfave/cli/v2", "Context"}:              true,
	{"github.com/urfave/cli/v3", "Command"}:              true,
	{"github.com/urfave/cli", "Command"}:                 true,
	{"github.com/urfave/cli/v2", "Command"}:              true,
	{"github.com/urfave/cli/v2", "App"}:                  true,
}

// isCommandType reports whether t is one of commandTypes or a pointer to
// one.
func isCommandType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return commandTypes[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
}

// IsCommandBody reports whether a function of signature sig carries out a
// command of a command-line framework: it is given the framework's command
// or parse context (cobra's Run(cmd *cobra.Command, args []string),
// kingpin's Action(*kingpin.ParseContext), urfave/cli's Action(*cli.Context)).
func IsCommandBody(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isCommandType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// BuildsCommand reports whether a function of signature sig builds a
// program's command line: it returns a command.
func BuildsCommand(sig *types.Signature) bool {
	return sig != nil && sig.Results().Len() > 0 && isCommandType(sig.Results().At(0).Type())
}

// terminalPackages write to a terminal: colours, aligned columns and
// tables for a person to read.
var terminalPackages = map[string]bool{
	"github.com/fatih/color":                true,
	"github.com/gookit/color":               true,
	"github.com/logrusorgru/aurora":         true,
	"github.com/logrusorgru/aurora/v3":      true,
	"github.com/logrusorgru/aurora/v4":      true,
	"github.com/mitchellh/colorstring":      true,
	"github.com/olekukonko/tablewriter":     true,
	"github.com/jedib0t/go-pretty/v6/table": true,
	"text/tabwriter":                        true,
}

// IsTerminalOutput reports whether fn belongs to a package that formats
// output for a terminal (fatih/color, gookit/color, aurora, colorstring,
// tablewriter, go-pretty's tables, tabwriter).
func IsTerminalOutput(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && terminalPackages[fn.Pkg().Path()]
}

// terminalReads read what the person at the terminal types.
var terminalReads = map[string]bool{
	"fmt.Scan":                       true,
	"fmt.Scanf":                      true,
	"fmt.Scanln":                     true,
	"golang.org/x/term.ReadPassword": true,
	"golang.org/x/crypto/ssh/terminal.ReadPassword": true,
}

// ReadsTerminal reports whether call reads the input of the person running
// the program: fmt.Scan and friends, term.ReadPassword, or any call given
// os.Stdin itself (bufio.NewReader(os.Stdin)). A function that does is
// talking to that person: what it prints are prompts.
func ReadsTerminal(info *types.Info, call *ast.CallExpr) bool {
	if terminalReads[CalleeName(info, call)] {
		return true
	}
	for _, a := range call.Args {
		sel, ok := ast.Unparen(a).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Stdin" {
			continue
		}
		if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" {
			return true
		}
	}
	return false
}

// cliFrameworks are the imports that make a package the commands of a
// command-line tool.
var cliFrameworks = []string{
	"github.com/spf13/cobra",
	"github.com/urfave/cli",
	"github.com/urfave/cli/v2",
	"github.com/urfave/cli/v3",
	"gopkg.in/alecthomas/kingpin.v2",
	"github.com/alecthomas/kingpin/v2",
	"github.com/alecthomas/kong",
	"github.com/peterbourgon/ff/v3/ffcli",
}

// IsUntracedTool reports whether pkg is code of a command-line tool that
// never traces: a command — package main, a package of commands built with
// a CLI framework (cobra, urfave/cli, kingpin, kong, ffcli), or a package
// inside a program's cmd tree (module/cmd/<tool>/..., Go's layout for the
// code of one program) — whose own imports include no tracing API, SDK or
// set-up (ImportsTracing). Such code neither installs a tracer nor starts
// or forwards a trace itself, so its contexts carry none. (A program that
// installs tracing through a helper package of its own, imported by a main
// that names no tracing package, looks the same: export data does not show
// what a dependency imports.)
func IsUntracedTool(pkg *types.Package) bool {
	if pkg == nil || ImportsTracing(pkg) {
		return false
	}
	return pkg.Name() == "main" || ImportsAny(pkg, cliFrameworks...) || InCommandTree(pkg.Path())
}

// InCommandTree reports whether path lies under a cmd directory below the
// module's domain: example.com/app/cmd/tool/internal/x.
func InCommandTree(path string) bool {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if i > 0 && i < len(segs)-1 && s == "cmd" {
			return true
		}
	}
	return false
}
