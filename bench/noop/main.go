// Command noop is the benchmark's load floor: a multichecker running one
// analyzer that requires only inspect and does nothing else. Loading and
// type-checking the packages costs the same as for otellint, so otellint's
// cost over this command is what its rules add.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var noop = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "does nothing after loading the package and building its inspector (benchmark floor)",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		return nil, nil
	},
}

func main() { multichecker.Main(noop) }
