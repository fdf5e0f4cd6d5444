package cardinality

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/otellint/otellint/analyzers/internal/lint"
)

// Analyzer is the cardinality rule.
var Analyzer = &analysis.Analyzer{
	Name:     "cardinality",
	Doc:      "cardinality: work in progress",
	URL:      "https://github.com/otellint/otellint#cardinality",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
