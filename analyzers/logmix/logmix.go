package logmix

import (
	_ "embed" // for the rule documentation in doc.go
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// The checks of the rule.
const (
	checkMixed   = "mixed-libraries"
	checkContext = "missing-context"
	checkTraceID = "manual-trace-id"
	checkHotPath = "hot-path-logger"
	ruleName     = "logmix"
)

// Analyzer is the logmix rule.
var Analyzer = &analysis.Analyzer{
	Name:     ruleName,
	Doc:      lint.MustExtractDoc(doc, ruleName),
	URL:      "https://github.com/otellint/otellint#logmix",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

// Flags.
var (
	checks      = lint.NewChecks([]string{checkMixed, checkContext, checkTraceID, checkHotPath, checkDebugLevel})
	flagLogger  libraryFlag
	flagContext = true
	flagSpans   = true
	flagTests   = false
	flagBridges pathList
)

func init() {
	Analyzer.Flags.Var(&flagLogger, "logger", "the service's logging library (slog, zap, otelzap, zerolog, logrus, log): calls of any other library are reported; empty: the most used library of each package")
	Analyzer.Flags.BoolVar(&flagContext, "context", flagContext, "report context-less log calls where a context is in scope (the "+checkContext+" check)")
	Analyzer.Flags.BoolVar(&flagSpans, "spans-only", flagSpans, "report context-less log calls only where the context at hand carries a span the package started, or is an HTTP request's, so that each finding has a trace to lose; false: wherever a context is in scope")
	Analyzer.Flags.BoolVar(&flagTests, "tests", flagTests, "also check _test.go files")
	Analyzer.Flags.Var(&flagBridges, "bridges", "comma-separated import paths (path/... for a tree) of packages that adapt one logging library to another; their calls are neither counted nor reported as mixing")
	Analyzer.Flags.Var(checks, "checks", "comma-separated checks to run: "+strings.Join(checks.Known(), ", ")+"; all; all,-name")
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if pass.Pkg == nil || pass.TypesInfo == nil || !usesLogging(pass.Pkg) || isLoggingLibrary(pass.Pkg) {
		return nil, nil
	}
	if !flagTests && api.IsTestSupportPackage(pass.Pkg) {
		return nil, nil // a harness reports to the test run, like a _test.go file
	}
	ins, _ := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if ins == nil {
		return nil, nil
	}
	u := collect(pass, ins)
	r := lint.NewReporter(pass, ruleName, checks)
	mixed := reportMixed(pass, r, u)
	if flagContext {
		reportMissingContext(pass, r, u, mixed)
	}
	reportManualTraceIDs(pass, r, u)
	for _, h := range u.hot {
		r.Report(checkHotPath, h)
	}
	reportDebugLevels(pass, r, ins, u.serves)
	return nil, nil
}

// usesLogging is the fast path: the package imports a logging library, or
// can reach one of the structured ones through its dependencies (a
// package calling logging.L().Info(...) on a *zap.Logger from an internal
// package need not import zap). The standard log package is not followed
// transitively: most of the standard library imports it.
func usesLogging(pkg *types.Package) bool {
	if api.ImportsAny(pkg, api.LogImportPaths...) {
		return true
	}
	seen := map[*types.Package]bool{}
	var reaches func(p *types.Package) bool
	reaches = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if lib := libraryOfImport(p.Path()); lib != "" && lib != api.LibLog {
			return true
		}
		for _, imp := range p.Imports() {
			if reaches(imp) {
				return true
			}
		}
		return false
	}
	return reaches(pkg)
}

// isLoggingLibrary reports whether pkg implements one of the logging
// libraries (logrus, zerolog, zap, log/slog): a library does not log
// through itself and reports its own write failures on standard error.
func isLoggingLibrary(pkg *types.Package) bool {
	return libraryOfImport(pkg.Path()) != ""
}

// libraryOfImport returns the logging family an import path belongs to.
func libraryOfImport(path string) api.LogLibrary {
	switch path {
	case "log":
		return api.LibLog
	case api.SlogPath:
		return api.LibSlog
	case api.ZapPath, api.ZapPath + "/zapcore", api.OtelzapPath:
		return api.LibZap
	case api.LogrusPath:
		return api.LibLogrus
	case api.ZerologPath, api.ZerologLogPath:
		return api.LibZerolog
	}
	return ""
}
