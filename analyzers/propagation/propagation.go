package propagation

import (
	_ "embed" // for the rule documentation in doc.go
	"go/ast"
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

// The checks of the rule; each is a -propagation.checks entry and the
// suffix of its diagnostics' category.
const (
	checkClient  = "client"
	checkServer  = "server"
	checkInject  = "inject"
	checkExtract = "extract"
	checkCarrier = "carrier"
)

var checks = lint.NewChecks([]string{checkClient, checkServer, checkInject, checkExtract, checkCarrier})

// Analyzer is the propagation rule.
var Analyzer = &analysis.Analyzer{
	Name:     "propagation",
	Doc:      lint.MustExtractDoc(doc, "propagation"),
	URL:      "https://github.com/otellint/otellint#propagation",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

func init() {
	Analyzer.Flags.Var(checks, "checks",
		"comma-separated checks to run: client, server, inject, extract, carrier; "+`"all" or "all,-name"`)
}

// transports are the packages whose use can cross a process boundary; a
// package importing none of them (nor the propagation API, for carrier)
// has nothing to report.
var transports = []string{
	"net/http",
	api.GRPCPath,
	api.KafkaGoPath,
	api.SaramaPath,
	api.SaramaOld,
	api.KgoPath,
	api.AMQPPath,
	api.NATSPath,
	api.PropagationPath,
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil
	}
	if pass.TypesInfo == nil || pass.Pkg == nil || !api.ImportsAny(pass.Pkg, transports...) {
		return nil, nil
	}
	if api.IsTestSupportPackage(pass.Pkg) {
		return nil, nil // harnesses and fixtures talk to test servers, no request's trace is at hand
	}
	c := &checker{
		pass: pass,
		info: pass.TypesInfo,
		in:   pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		r:    lint.NewReporter(pass, "propagation", checks),

		silentSystems: map[string]bool{},
		funcDecls:     map[*types.Func]*ast.FuncDecl{},
		command:       lint.NewCommandCode(),
	}
	c.scan()
	c.reportGRPC()
	c.reportHTTPServers()
	c.reportHTTPClients()
	c.reportProducers()
	c.reportConsumers()
	c.reportCarriers()
	return nil, nil
}

// checker holds what one walk over a package collects.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	in   *inspector.Inspector
	r    *lint.Reporter

	// command decides which functions are a command-line command's code;
	// startsSpans is set when the package starts a span anywhere.
	command     *lint.CommandCode
	startsSpans bool

	// Package-wide evidence, from non-test files.
	injects       bool // a TextMapPropagator.Inject is called
	extracts      bool // a TextMapPropagator.Extract is called
	buildsClients bool // a hookable producer (sarama, franz-go) is built here
	otelHTTP      bool // otelhttp is used (handlers, transports)
	// dialsCollector: the package hands a gRPC connection to an OTLP
	// exporter (WithGRPCConn); the client connections it builds are the
	// telemetry's own.
	dialsCollector bool
	// serversByConfig, clientsByConfig: the package adds otelgrpc to its
	// gRPC servers (or clients) only when a condition holds — the
	// configuration decides which are traced, and those built without it
	// were left out of that choice.
	serversByConfig, clientsByConfig bool
	// replacesDefaults: the package assigns http.DefaultTransport or
	// http.DefaultClient (or a field of it), as programs that instrument
	// the default transport do.
	replacesDefaults bool
	// silentSystems are the messaging systems this package publishes to
	// without injecting: its consumers of them are not reported, the
	// producer's finding is enough.
	silentSystems map[string]bool

	grpcCalls   []inspector.Cursor // grpc.NewClient, Dial, DialContext, NewServer
	serveCalls  []inspector.Cursor // http.ListenAndServe and friends
	serverLits  []inspector.Cursor // http.Server{...} literals
	clientDos   []inspector.Cursor // (*http.Client).Do and friends
	producers   []inspector.Cursor // publishing calls and sends on AsyncProducer.Input()
	spanStarts  []inspector.Cursor // tracer.Start calls
	carrierDecl []*ast.FuncDecl    // methods named Get, Set or Keys
	injectCalls []inspector.Cursor // TextMapPropagator.Inject calls
	funcDecls   map[*types.Func]*ast.FuncDecl
}

// scan walks the non-test files once and collects the candidates of every
// check and the package-wide evidence.
func (c *checker) scan() {
	for fileCur := range c.in.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || lint.IsTestFile(c.pass, file.Pos()) {
			continue
		}
		for _, imp := range file.Imports {
			if imp.Path.Value == `"`+api.OtelHTTPPath+`"` {
				c.otelHTTP = true
			}
		}
		fileCur.Inspect([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SendStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.AssignStmt)(nil)}, func(cur inspector.Cursor) bool {
			switch n := cur.Node().(type) {
			case *ast.FuncLit:
				if f, ok := innermostFunc(cur); ok {
					c.command.NoteLit(n, f.Node())
				}
				return !api.TakesTestingParam(c.info, n.Type)
			case *ast.CallExpr:
				if f, ok := innermostFunc(cur); ok {
					c.command.NoteCall(c.info, c.pass.Pkg, n, api.Callee(c.info, n), f.Node())
				}
				if _, ok := api.SpanStartOf(c.info, n); ok {
					c.startsSpans = true
				}
				c.visitCall(cur, n)
			case *ast.CompositeLit:
				if api.IsNamed(api.TypeOf(c.info, n), "net/http", "Server") {
					c.serverLits = append(c.serverLits, cur)
				}
			case *ast.SendStmt:
				if call, ok := ast.Unparen(n.Chan).(*ast.CallExpr); ok && api.IsAsyncProducerInput(c.info, call) {
					c.producers = append(c.producers, cur)
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if c.refersToHTTPDefault(lhs) {
						c.replacesDefaults = true
					}
				}
			case *ast.FuncDecl:
				if api.TakesTestingParam(c.info, n.Type) {
					return false // a test helper: its clients and messages are the test's
				}
				if fn, ok := c.info.Defs[n.Name].(*types.Func); ok {
					c.funcDecls[fn] = n
				}
				if n.Recv != nil && n.Body != nil {
					switch n.Name.Name {
					case "Get", "Set", "Keys":
						c.carrierDecl = append(c.carrierDecl, n)
					}
				}
			}
			return true
		})
	}
}

func (c *checker) visitCall(cur inspector.Cursor, call *ast.CallExpr) {
	switch {
	case api.IsPropagatorInject(c.info, call):
		c.injects = true
		c.injectCalls = append(c.injectCalls, cur)
	case api.IsPropagatorExtract(c.info, call):
		c.extracts = true
	case api.IsProducerBuilder(c.info, call):
		c.buildsClients = true
	case api.IsExporterConnOption(c.info, call):
		c.dialsCollector = true
	case c.isPropagationHelper(call):
		// A telemetry package of the program that injects or extracts
		// for its callers (GetCarrier(ctx), SpanFromHeaders(ctx, h)):
		// the package may propagate through it either way.
		c.injects = true
		c.extracts = true
	}
	if _, ok := api.GRPCConstructorOf(c.info, call); ok {
		c.grpcCalls = append(c.grpcCalls, cur)
		return
	}
	if server, ok := api.OtelGRPCOption(c.info, call); ok && appendedUnderCondition(cur) {
		c.serversByConfig = c.serversByConfig || server
		c.clientsByConfig = c.clientsByConfig || !server
		return
	}
	if api.HTTPServeHandlerArg(c.info, call) >= 0 {
		c.serveCalls = append(c.serveCalls, cur)
		return
	}
	if _, ok := api.ProducerOf(c.info, call); ok {
		c.producers = append(c.producers, cur)
		return
	}
	if httpClientSend(c.info, call) {
		c.clientDos = append(c.clientDos, cur)
		return
	}
	if _, ok := api.SpanStartOf(c.info, call); ok {
		c.spanStarts = append(c.spanStarts, cur)
	}
}

// appendedUnderCondition reports whether cur is appended to a slice (of
// options) in the body of an if statement or a case of a switch, within
// its function:
//
//	if cfg.Tracing.Enabled {
//		opts = append(opts, grpc.StatsHandler(otelgrpc.NewServerHandler()))
//	}
func appendedUnderCondition(cur inspector.Cursor) bool {
	parent, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	if id, ok := ast.Unparen(parent.Fun).(*ast.Ident); !ok || id.Name != "append" {
		return false
	}
	for e := range cur.Enclosing() {
		switch e.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt, *ast.CaseClause:
			return true
		}
	}
	return false
}

// enclosingFuncs returns the functions enclosing cur, outermost first.
func enclosingFuncs(cur inspector.Cursor) []ast.Node {
	var out []ast.Node
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		out = append(out, f.Node())
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// innermostFunc returns the cursor of the innermost function enclosing cur.
func innermostFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if f != cur {
			return f, true
		}
	}
	return inspector.Cursor{}, false
}

// isSetUp reports whether cur is in main or init of the package (at any
// depth of function literals): code that runs once, before any request.
func isSetUp(pkg *types.Package, cur inspector.Cursor) bool {
	funcs := enclosingFuncs(cur)
	if len(funcs) == 0 {
		return true
	}
	fd, ok := funcs[0].(*ast.FuncDecl)
	if !ok || fd.Recv != nil {
		return false
	}
	return fd.Name.Name == "init" || (fd.Name.Name == "main" && pkg.Name() == "main")
}

// refersToHTTPDefault reports whether e mentions http.DefaultTransport or
// http.DefaultClient.
func (c *checker) refersToHTTPDefault(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && (isHTTPVar(v, "DefaultTransport") || isHTTPVar(v, "DefaultClient")) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isPropagationHelper reports whether call invokes a function of another
// package shaped like a propagation helper of the program's own telemetry
// code: given a context, it returns headers (GetCarrier(ctx)
// map[string]string) or fills a message or headers it is handed; or, given
// headers or a message, it returns a context. Its body is out of reach, so
// it may inject or extract on this package's behalf.
func (c *checker) isPropagationHelper(call *ast.CallExpr) bool {
	fn := api.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || !programPackage(fn.Pkg().Path()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	takesCtx, takesHeaders, returnsCtx, returnsHeaders := false, false, false, false
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		takesCtx = takesCtx || api.IsContext(t)
		takesHeaders = takesHeaders || headerLike(c.pass.Pkg, t)
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		returnsCtx = returnsCtx || api.IsContext(t)
		returnsHeaders = returnsHeaders || headerLike(c.pass.Pkg, t)
	}
	return (takesCtx && (returnsHeaders || takesHeaders)) || (returnsCtx && takesHeaders)
}

// programPackage reports whether path may be a package of the program's own
// code: not the standard library, a transport or messaging library, or a
// tracing API or instrumentation.
func programPackage(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if !strings.Contains(first, ".") || api.IsTracingPackage(path) || strings.HasPrefix(path, "google.golang.org/") {
		return false
	}
	for _, t := range transports {
		if path == t || strings.HasPrefix(path, t+"/") {
			return false
		}
	}
	return true
}

// headerLike reports whether t can hold a message's or request's headers:
// a string-keyed map, a messaging library's header or message type, or a
// TextMapCarrier.
func headerLike(pkg *types.Package, t types.Type) bool {
	if api.MentionsMessageHeaders(t) {
		return true
	}
	u := t
	if p, ok := types.Unalias(u).(*types.Pointer); ok {
		u = p.Elem()
	}
	if m, ok := u.Underlying().(*types.Map); ok {
		if b, ok := m.Key().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			return true
		}
	}
	if _, isIface := u.Underlying().(*types.Interface); isIface {
		return false // any, or an interface a carrier satisfies by chance
	}
	return api.IsTextMapCarrier(pkg, u)
}
