package logmix

import (
	_ "embed" // for the rule documentation in doc.go

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer is the logmix rule.
var Analyzer = &analysis.Analyzer{
	Name:     "logmix",
	Doc:      lint.MustExtractDoc(doc, "logmix"),
	URL:      "https://github.com/otellint/otellint#logmix",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
