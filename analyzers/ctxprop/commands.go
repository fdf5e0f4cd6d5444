package ctxprop

import (
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// This file decides which packages are command-line tools that never
// trace: their contexts start in main, and no span or propagated trace is
// ever in one, so a fresh root there loses nothing.

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

// isUntracedCommand reports whether pkg is a command — package main, or a
// package of commands built with a CLI framework (cobra, urfave/cli,
// kingpin, kong, ffcli) — whose own imports include no tracing API, SDK or
// set-up (api.ImportsTracing): the tool neither installs a tracer nor
// starts or forwards a trace itself. (A program that installs tracing
// through a helper package of its own, imported by a main that names no
// tracing package, looks the same: known limit.)
func isUntracedCommand(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	isCommand := pkg.Name() == "main" || api.ImportsAny(pkg, cliFrameworks...)
	return isCommand && !api.ImportsTracing(pkg)
}
