// Package otellint is a suite of go/analysis analyzers that catch
// OpenTelemetry instrumentation mistakes in Go code. Analyzers returns the
// suite; cmd/otellint runs it as a standalone checker (and go vet tool).
package otellint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/cardinality"
	"github.com/otellint/otellint/analyzers/ctxprop"
	"github.com/otellint/otellint/analyzers/logmix"
	"github.com/otellint/otellint/analyzers/pii"
	"github.com/otellint/otellint/analyzers/propagation"
	"github.com/otellint/otellint/analyzers/sdksetup"
	"github.com/otellint/otellint/analyzers/spanend"
	"github.com/otellint/otellint/analyzers/spanname"
)

// Analyzers returns every otellint analyzer, in the order the README lists
// them. It is the one list of the suite: the CLI and the golangci-lint
// plugin both use it.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		spanend.Analyzer,
		ctxprop.Analyzer,
		spanname.Analyzer,
		cardinality.Analyzer,
		logmix.Analyzer,
		pii.Analyzer,
		sdksetup.Analyzer,
		propagation.Analyzer,
	}
}
