package sdksetup

import (
	_ "embed" // for the rule documentation in doc.go
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// The checks of the rule; each is a -sdksetup.checks entry and the suffix of
// its diagnostics' category.
const (
	checkShutdown     = "shutdown"
	checkSyncExport   = "sync-export"
	checkFullSampling = "full-sampling"
	checkPropagator   = "propagator"
	checkServiceName  = "service-name"
)

// checks selects the checks; service-name is off by default because the
// deployment may set OTEL_SERVICE_NAME.
var checks = lint.NewChecks([]string{
	checkShutdown, checkSyncExport, checkFullSampling, checkPropagator, checkServiceName,
}, checkServiceName)

// Analyzer is the sdksetup rule.
var Analyzer = &analysis.Analyzer{
	Name:     "sdksetup",
	Doc:      lint.MustExtractDoc(doc, "sdksetup"),
	URL:      "https://github.com/otellint/otellint#sdksetup",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

func init() {
	Analyzer.Flags.Var(checks, "checks",
		"comma-separated checks to run: shutdown, sync-export, full-sampling, propagator, service-name; "+
			`"all" or "all,-name"`)
	Analyzer.Flags.Var(checkToggle{checks, checkServiceName}, "service-name",
		"also report resources built without a service.name (same as adding service-name to -sdksetup.checks)")
}

// setsUpSDK is the fast path: every check is about a call of the SDK
// (go.opentelemetry.io/otel/sdk/...), of the otel package's global setters,
// or of the log API's global setter; a package that only uses the API
// (trace, metric, attribute) to instrument its code cannot set anything up.
func setsUpSDK(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		p := imp.Path()
		if p == api.OtelPath || p == api.LogGlobalPath || strings.HasPrefix(p, api.OtelPath+"/sdk") {
			return true
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if pass.TypesInfo == nil || pass.Pkg == nil || !setsUpSDK(pass.Pkg) {
		return nil, nil
	}
	if api.IsTestSupportPackage(pass.Pkg) {
		return nil, nil // a test helper's provider records spans for one test
	}
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		in:        pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		r:         lint.NewReporter(pass, "sdksetup", checks),
		local:     map[*types.Func][]localCall{},
		borrowers: map[borrowKey]bool{},
		vars:      map[ast.Node]map[*types.Var][]inspector.Cursor{},
		demo:      api.IsStdoutDemo(pass.Pkg),
	}
	c.scan()
	if c.r.Enabled(checkShutdown) && !(c.demo && api.InExampleTree(pass.Pkg.Path())) {
		// What an example that prints its telemetry loses at exit is
		// the tail of its printout.
		c.reportUnshutProviders()
	}
	if c.r.Enabled(checkPropagator) {
		c.reportMissingPropagator()
	}
	return nil, nil
}

// checker holds what one package's walk collects.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	in   *inspector.Inspector
	r    *lint.Reporter

	// providers are the SDK provider constructor calls.
	providers []source
	// local are calls of same-package functions that return an SDK
	// provider: the candidates for provider factories.
	local map[*types.Func][]localCall
	// installs are the otel.SetTracerProvider calls outside tests.
	installs []*ast.CallExpr
	// propagatorSet records a global propagator set outside tests, or the
	// use of autoprop.
	propagatorSet bool

	// demo is set for a program that only prints its telemetry (see
	// api.IsStdoutDemo): sampling, export mode and propagation are not
	// reported there, nor shutdown in an example tree.
	demo bool

	decls     map[*types.Func]*ast.FuncDecl                  // same-package functions, built on demand
	borrowers map[borrowKey]bool                             // same-package parameters that only borrow a provider
	vars      map[ast.Node]map[*types.Var][]inspector.Cursor // local variable occurrences per outermost function
}

type localCall struct {
	cur  inspector.Cursor
	test bool
}

// scan walks the package once, reporting the per-call checks (sync-export,
// full-sampling, service-name) and collecting what the package-wide checks
// (shutdown, propagator) need.
func (c *checker) scan() {
	for fileCur := range c.in.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok {
			continue
		}
		test := lint.IsTestFile(c.pass, file.Pos()) || lint.IsTestSupportFile(c.pass, file.Pos())
		if !test && usesAutoprop(file) {
			c.propagatorSet = true
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			c.visitCall(cur, test)
		}
	}
}

func (c *checker) visitCall(cur inspector.Cursor, test bool) {
	call := cur.Node().(*ast.CallExpr)
	fn := api.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	if fn.Pkg() == c.pass.Pkg {
		if returnsProvider(fn) {
			c.local[fn] = append(c.local[fn], localCall{cur, test})
		}
		return
	}
	if isPropagatorsOption(fn) {
		if !test {
			// otelhttp.WithPropagators(p): the package hands its
			// instrumentation the propagators it chose, rather than
			// relying on the global one.
			c.propagatorSet = true
		}
		return
	}
	switch fn.Pkg().Path() {
	case api.OtelPath, api.SDKTracePath, api.SDKMetricPath, api.SDKLogPath, api.SDKResourcePath:
	default:
		return
	}
	switch {
	case api.IsProviderConstructor(fn):
		prov, _ := api.SDKProvider(fn.Type().(*types.Signature).Results().At(0).Type())
		c.providers = append(c.providers, source{cur: cur, prov: prov, test: test})
	case api.IsSetTracerProvider(fn):
		if !test {
			c.installs = append(c.installs, call)
		}
	case api.IsSetTextMapPropagator(fn):
		if !test {
			c.propagatorSet = true
		}
	case test:
		// The remaining checks are about production set-up: tests may
		// export synchronously and sample everything.
	case c.demo:
		// A demo that prints its spans samples them all and prints each
		// one as it ends on purpose.
	case api.IsWithSampler(fn):
		// An example program samples every trace to show them all,
		// whatever it exports to.
		if c.r.Enabled(checkFullSampling) && !api.InExampleTree(c.pass.Pkg.Path()) {
			c.checkSampler(cur, call)
		}
	default:
		if s, ok := api.SyncExportOf(fn); ok && c.r.Enabled(checkSyncExport) && !exportsToTestExporter(c.info, call) &&
			!c.chosenByCondition(cur) {
			c.reportSyncExport(cur, call, s)
		}
		if rc, ok := api.ResourceConstructorOf(fn); ok && c.r.Enabled(checkServiceName) {
			c.checkServiceName(cur, call, rc)
		}
	}
}

// exportsToTestExporter reports whether call's exporter is a test
// exporter (tracetest.NewInMemoryExporter()), as in test helpers kept in
// non-test files.
func exportsToTestExporter(info *types.Info, call *ast.CallExpr) bool {
	return len(call.Args) > 0 && api.IsTestExporter(api.TypeOf(info, call.Args[0]))
}

// returnsProvider reports whether one of fn's results is an SDK provider.
func returnsProvider(fn *types.Func) bool {
	return api.AnyResult(fn, func(t types.Type) bool {
		_, ok := api.SDKProvider(t)
		return ok
	})
}

// isPropagatorsOption reports whether fn is an instrumentation library's
// WithPropagators option (otelhttp, otelgrpc, otelmux, ...).
func isPropagatorsOption(fn *types.Func) bool {
	return fn.Name() == "WithPropagators" && strings.HasPrefix(fn.Pkg().Path(), api.ContribInstrumentationPath+"/")
}

// usesAutoprop reports whether file imports autoprop by name: it then uses
// it (an unused import does not compile), which means the author builds the
// propagator from OTEL_PROPAGATORS. A blank import installs nothing.
func usesAutoprop(file *ast.File) bool {
	for _, imp := range file.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == api.AutopropPath {
			if imp.Name == nil || imp.Name.Name != "_" {
				return true
			}
		}
	}
	return false
}

// reportMissingPropagator reports the SetTracerProvider calls of a package
// that never sets the global propagator, unless the program may set it in
// another of its packages: one among the package's transitive imports that
// imports both the otel package and a propagator.
func (c *checker) reportMissingPropagator() {
	if len(c.installs) == 0 || c.propagatorSet || c.demo || api.ImportsPropagatorSetter(c.pass.Pkg) || c.handsOutTracerProvider() {
		return
	}
	for _, call := range c.installs {
		if len(call.Args) == 1 && api.IsNoopProvider(api.TypeOf(c.info, call.Args[0])) {
			continue // tracing is switched off: nothing to propagate
		}
		c.r.Reportf(checkPropagator, call,
			"this package installs a global TracerProvider but never calls otel.SetTextMapPropagator, "+
				"so the default no-op propagator drops trace context at every process boundary; "+
				"call otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator("+
				"propagation.TraceContext{}, propagation.Baggage{}))")
	}
}

// checkToggle is a boolean flag switching one check of a Checks on or off.
type checkToggle struct {
	checks *lint.Checks
	name   string
}

func (t checkToggle) String() string {
	if t.checks == nil {
		return "false"
	}
	return strconv.FormatBool(t.checks.Enabled(t.name))
}

func (t checkToggle) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	if on {
		return t.checks.Set(t.checks.String() + "," + t.name)
	}
	return t.checks.Set(t.checks.String() + ",-" + t.name)
}

func (t checkToggle) IsBoolFlag() bool { return true }

// handsOutTracerProvider reports whether the package's exported API gives
// its provider to importers as the trace.TracerProvider interface, the type
// instrumentation takes in WithTracerProvider, or a trace.Tracer to start
// their spans with: the importers then trace explicitly, and may choose
// the propagators their spans travel with in the same way, out of this
// package's sight (a proxy's tracing package setting them before it calls
// its back end's Setup). A *sdktrace.TracerProvider result is not such
// evidence: callers take it to shut the provider down.
func (c *checker) handsOutTracerProvider() bool {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() || lint.IsTestFile(c.pass, obj.Pos()) {
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			if returnsAPITracerProvider(obj) {
				return true
			}
		case *types.TypeName:
			mset := types.NewMethodSet(types.NewPointer(obj.Type()))
			for i := 0; i < mset.Len(); i++ {
				if m, ok := mset.At(i).Obj().(*types.Func); ok && m.Exported() && m.Pkg() == c.pass.Pkg &&
					returnsAPITracerProvider(m) {
					return true
				}
			}
		}
	}
	return false
}

// returnsAPITracerProvider reports whether one of fn's results is the API's
// trace.TracerProvider or trace.Tracer interface.
func returnsAPITracerProvider(fn *types.Func) bool {
	return api.AnyResult(fn, func(t types.Type) bool {
		return api.IsNamed(t, api.TracePath, "TracerProvider") || api.IsNamed(t, api.TracePath, "Tracer")
	})
}
