package pii

import (
	_ "embed" // for the rule documentation in doc.go
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// The checks of the rule, named after the source of the personal data.
const (
	checkNamed  = "named-value"   // a value whose name denotes personal or secret data
	checkTagged = "tagged-field"  // a struct field tagged sensitive
	checkKey    = "sensitive-key" // an attribute, log or baggage key naming PII, with an unmasked value
	checkStruct = "struct-dump"   // a struct with sensitive fields formatted or logged whole
	checkBody   = "body-dump"     // a whole request/response body, dump, form or header map
)

var (
	checks     = lint.NewChecks([]string{checkNamed, checkTagged, checkKey, checkStruct, checkBody})
	extraWords listFlag
	ignoreWord listFlag
	optional   = listFlag{allowed: []string{"ip", "address", "name", "all"}}
	tagFlag    = stringFlag{s: defaultTag}
)

const defaultTag = "otellint"

// Analyzer is the pii rule.
var Analyzer = &analysis.Analyzer{
	Name:     "pii",
	Doc:      lint.MustExtractDoc(doc, "pii"),
	URL:      "https://github.com/otellint/otellint#pii",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
	Flags:    flags(),
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("pii", flag.ContinueOnError)
	fs.Var(checks, "checks", "comma-separated checks to run: "+strings.Join(checks.Known(), ", ")+`, "all", or "all,-name"`)
	fs.Var(&extraWords, "words", "comma-separated extra words or phrases that denote personal data (snake_case, camelCase or spaced)")
	fs.Var(&ignoreWord, "ignore", "comma-separated words or phrases whose presence in a name makes it not personal data")
	fs.Var(&optional, "optional", "comma-separated optional vocabularies to enable: ip, address, name, or all")
	fs.Var(&tagFlag, "tag", `struct tag key marking sensitive fields (`+defaultTag+`:"pii"); "key:value" to change the value too`)
	fs.Var(api.Redactors, "redactors", "comma-separated extra redaction helpers: words their name contains, or full function names")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if pass.TypesInfo == nil || !api.ImportsAny(pass.Pkg, sinkPackages...) {
		return nil, nil
	}
	if api.IsTestSupportPackage(pass.Pkg) {
		return nil, nil // harnesses and fixtures log the throwaway data of a test run
	}
	if api.InExampleTree(pass.Pkg.Path()) {
		return nil, nil // examples and demos record synthetic data to show it
	}
	ins, _ := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if ins == nil {
		return nil, nil
	}
	c := newChecker(pass)
	c.collect(ins)
	c.finishSecretRefs()
	for _, n := range c.sinks {
		c.checkSink(n)
	}
	return nil, nil
}

// sinkPackages are the packages whose functions and methods may put data
// into telemetry.
var sinkPackages = append([]string{api.OtelPath, api.PrometheusPath, api.OtelzapPath}, api.LogImportPaths...)

// mayBeSink is the cheap test every call passes before the API matchers
// look at it: a function of a logging, OpenTelemetry or Prometheus
// package, a span method (also on a user's own span type), or a configured
// span-start wrapper.
func mayBeSink(fn *types.Func) bool {
	if pkg := fn.Pkg(); pkg != nil {
		path := pkg.Path()
		for _, p := range sinkPackages {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
	}
	switch fn.Name() {
	case "AddEvent", "RecordError", "SetStatus", "SetName", "SetAttributes":
		return true
	}
	return api.Config.StartFuncs.Len() > 0
}

// skip reports whether n lies in a test or generated file: test data is
// made up, generated code is not the user's to fix.
func (c *checker) skip(n ast.Node) bool {
	f := c.pass.Fset.File(n.Pos())
	if f == nil {
		return false
	}
	skip, ok := c.skipFile[f]
	if !ok {
		skip = strings.HasSuffix(f.Name(), "_test.go")
		for _, af := range c.pass.Files {
			if c.pass.Fset.File(af.FileStart) == f {
				skip = skip || lint.IsGenerated(af)
				break
			}
		}
		c.skipFile[f] = skip
	}
	return skip
}

// listFlag is a flag.Value holding a comma-separated list.
type listFlag struct {
	mu      sync.RWMutex
	list    []string
	allowed []string // if set, the only values accepted
}

func (l *listFlag) String() string {
	if l == nil {
		return ""
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return strings.Join(l.list, ",")
}

func (l *listFlag) Set(s string) error {
	parts := api.SplitList(s)
	for _, p := range parts {
		if len(l.allowed) > 0 && !slices.Contains(l.allowed, strings.ToLower(p)) {
			return fmt.Errorf("unknown value %q (known: %s)", p, strings.Join(l.allowed, ", "))
		}
	}
	l.mu.Lock()
	l.list = parts
	l.mu.Unlock()
	return nil
}

func (l *listFlag) get() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]string(nil), l.list...)
}

// stringFlag is a flag.Value holding one string.
type stringFlag struct {
	mu sync.RWMutex
	s  string
}

func (f *stringFlag) String() string {
	if f == nil {
		return ""
	}
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.s
}

func (f *stringFlag) Set(s string) error {
	f.mu.Lock()
	f.s = strings.TrimSpace(s)
	f.mu.Unlock()
	return nil
}

// sensitiveTag returns the struct tag key and value that mark a field
// sensitive.
func sensitiveTag() (key, value string) {
	s := tagFlag.String()
	if s == "" {
		s = defaultTag
	}
	if k, v, ok := strings.Cut(s, ":"); ok {
		return k, strings.Trim(v, `"`)
	}
	return s, "pii"
}

// exprText prints e for a message.
func exprText(e ast.Expr) string {
	return shorten(types.ExprString(e), 60)
}
