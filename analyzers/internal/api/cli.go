package api

import (
	"go/ast"
	"go/types"
)

// Command-line frameworks. A program built on one prints its results and
// its failures for a person at a terminal: that is the program's output,
// not its logging.

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

// commandBodies are, per command type, the fields holding the functions
// that carry out a command.
var commandBodies = map[[2]string]map[string]bool{
	{"github.com/spf13/cobra", "Command"}: {
		"Run": true, "RunE": true, "PreRun": true, "PreRunE": true, "PostRun": true, "PostRunE": true,
		"PersistentPreRun": true, "PersistentPreRunE": true, "PersistentPostRun": true, "PersistentPostRunE": true,
	},
	{"github.com/urfave/cli/v2", "Command"}: {"Action": true, "Before": true, "After": true},
	{"github.com/urfave/cli/v2", "App"}:     {"Action": true, "Before": true, "After": true},
	{"github.com/urfave/cli", "Command"}:    {"Action": true, "Before": true, "After": true},
	{"github.com/urfave/cli", "App"}:        {"Action": true, "Before": true, "After": true},
	{"github.com/urfave/cli/v3", "Command"}: {"Action": true, "Before": true, "After": true},
}

// IsCommandBodyField reports whether field of a value of type t (a
// command or a pointer to one) holds a function that carries out a
// command: cobra.Command's Run and RunE, urfave/cli's Action.
func IsCommandBodyField(t types.Type, field string) bool {
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
	return commandBodies[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}][field]
}

// ReturnsCommand reports whether a function of signature sig builds a
// command (its first result is a command type of a framework above): it
// sets up a program's command line.
func ReturnsCommand(sig *types.Signature) bool {
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	_, ok = commandBodies[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
	return ok
}
