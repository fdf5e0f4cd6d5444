package cardinality

import (
	_ "embed" // for the rule documentation in doc.go
	"flag"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// The checks of the rule, each its own Category "cardinality/<check>".
const (
	checkKey        = "key"
	checkValue      = "value"
	checkPerRequest = "per-request-instrument"
	checkUnit       = "missing-unit"
	checkBuckets    = "coarse-buckets"
)

var (
	checks = lint.NewChecks([]string{checkKey, checkValue, checkPerRequest, checkUnit, checkBuckets})
	keys   stringList
	allow  stringList
)

// Analyzer is the cardinality rule.
var Analyzer = &analysis.Analyzer{
	Name:     "cardinality",
	Doc:      lint.MustExtractDoc(doc, "cardinality"),
	URL:      "https://github.com/otellint/otellint#cardinality",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
	Flags:    flags(),
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("cardinality", flag.ExitOnError)
	fs.Var(checks, "checks", "comma-separated checks to run: key, value, per-request-instrument, missing-unit, coarse-buckets, all; all,-name switches one off")
	fs.Var(&keys, "keys", "comma-separated extra high-cardinality attribute keys or label names (matched on normalised words, like the defaults)")
	fs.Var(&allow, "allow", "comma-separated attribute keys or label names never reported, nor their values (matched on normalised words)")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	if pass.TypesInfo == nil || !mayRecordMetrics(pass.Pkg) {
		return nil, nil
	}
	c := newChecker(pass)
	c.walk(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	c.reportRegistrations()
	c.reportConstructions()
	c.checkOTelAttributes()
	c.checkPromLabels()
	c.checkInstruments()
	return nil, nil
}

// mayRecordMetrics is the fast path: a package can build instruments or
// give them attributes or label values only if it imports a metrics API or
// depends on one: a handler calling metrics.Requests.WithLabelValues(...)
// on a vector exported by an internal package needs no import of its own.
func mayRecordMetrics(pkg *types.Package) bool {
	if api.ImportsAny(pkg, api.MetricPath, api.PrometheusPath, api.PromautoPath) {
		return true
	}
	return api.DependsOn(pkg, api.MetricPath) || api.DependsOn(pkg, api.PrometheusPath)
}

// checker holds what one package's walk collects and what the checks after
// it need.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	r      *lint.Reporter
	policy keyPolicy

	defs     map[*types.Var][]def          // assignments to locals
	pkgInits map[*types.Var]ast.Expr       // initialisers of package-level vars
	params   map[*types.Var]paramRef       // parameters of the package's functions
	decls    map[*types.Func]*ast.FuncDecl // the package's functions
	returns  map[*ast.FuncDecl][]*ast.ReturnStmt
	calls    map[*types.Func][]*ast.CallExpr // calls of the package's functions
	enums    map[*types.Named]bool

	attrSinks   []*ast.CallExpr // metric.WithAttributes / WithAttributeSet calls
	promUses    []api.PromLabels
	vecs        map[types.Object][]*ast.CallExpr // vector variable or field -> its constructors
	instruments []api.Instrument                 // every constructor call, checked after the walk
	pending     []pendingConstruction            // hot-path constructions, see reportConstructions
	promRegs    []pendingRegistration            // hot-path Prometheus registrations, see reportRegistrations
	stored      map[*types.Var]bool              // locals stored into a map element or a field

	reported  map[reportKey]bool
	generated map[*token.File]bool
}

type paramRef struct {
	fn       *types.Func
	index    int
	variadic bool
}

type reportKey struct {
	pos   token.Pos
	check string
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		r:         lint.NewReporter(pass, "cardinality", checks),
		policy:    newPolicy(keys.list(), allow.list()),
		defs:      map[*types.Var][]def{},
		pkgInits:  map[*types.Var]ast.Expr{},
		params:    map[*types.Var]paramRef{},
		decls:     map[*types.Func]*ast.FuncDecl{},
		returns:   map[*ast.FuncDecl][]*ast.ReturnStmt{},
		calls:     map[*types.Func][]*ast.CallExpr{},
		enums:     map[*types.Named]bool{},
		vecs:      map[types.Object][]*ast.CallExpr{},
		reported:  map[reportKey]bool{},
		generated: map[*token.File]bool{},
		stored:    map[*types.Var]bool{},
	}
	for _, f := range pass.Files {
		if lint.IsGenerated(f) {
			c.generated[pass.Fset.File(f.Pos())] = true
		}
	}
	return c
}

// report reports a finding once per position and check, and never in
// generated files or _test.go files (metrics recorded by tests and
// benchmarks never reach a backend).
func (c *checker) report(check string, node ast.Node, format string, args ...any) {
	k := reportKey{node.Pos(), check}
	if c.reported[k] || c.generated[c.pass.Fset.File(node.Pos())] || lint.IsTestFile(c.pass, node.Pos()) {
		return
	}
	c.reported[k] = true
	c.r.Reportf(check, node, format, args...)
}

var (
	callNodes  = []ast.Node{(*ast.CallExpr)(nil)}
	indexNodes = []ast.Node{
		(*ast.FuncDecl)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.RangeStmt)(nil),
		(*ast.ReturnStmt)(nil),
		(*ast.KeyValueExpr)(nil),
	}
)

// walk visits the package's calls, recording sinks and instruments and
// checking instrument construction sites on the way. Only when it found
// something to check after the walk does a second walk record the
// assignments, parameters and returns those checks follow values through:
// most packages that depend on a metrics API record nothing themselves.
func (c *checker) walk(in *inspector.Inspector) {
	in.WithStack(callNodes, func(n ast.Node, push bool, stack []ast.Node) bool {
		if push {
			c.visitCall(n.(*ast.CallExpr), stack)
		}
		return true
	})
	if len(c.attrSinks) == 0 && len(c.promUses) == 0 && len(c.instruments) == 0 && len(c.pending) == 0 && len(c.promRegs) == 0 {
		return
	}
	in.WithStack(indexNodes, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			c.recordFunc(n)
		case *ast.AssignStmt:
			c.recordAssign(n, stack)
		case *ast.ValueSpec:
			c.recordValueSpec(n, stack)
		case *ast.RangeStmt:
			c.recordRange(n)
		case *ast.ReturnStmt:
			if fd, ok := lint.EnclosingFunc(stack).(*ast.FuncDecl); ok {
				c.returns[fd] = append(c.returns[fd], n)
			}
		case *ast.KeyValueExpr:
			// &metrics{requests: prometheus.NewCounterVec(...)}
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
					c.recordVec(f, n.Value)
				}
			}
		}
		return true
	})
}

func (c *checker) recordFunc(fd *ast.FuncDecl) {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok || fd.Body == nil {
		return
	}
	c.decls[fn] = fd
	sig, _ := fn.Type().(*types.Signature)
	i := 0
	for _, field := range fd.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, id := range names {
			if v, ok := c.info.Defs[id].(*types.Var); ok {
				c.params[v] = paramRef{fn: fn, index: i, variadic: sig != nil && sig.Variadic() && i == sig.Params().Len()-1}
			}
			i++
		}
	}
}

// innermostScope returns the innermost node of stack (below the node
// itself) that delimits where an assignment is unconditional.
func innermostScope(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.IfStmt, *ast.ForStmt,
			*ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.FuncLit, *ast.FuncDecl:
			return stack[i]
		}
	}
	return nil
}

func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

func (c *checker) recordAssign(as *ast.AssignStmt, stack []ast.Node) {
	scope := innermostScope(stack)
	for i, lhs := range as.Lhs {
		var rhs ast.Expr
		index := -1
		switch {
		case len(as.Rhs) == len(as.Lhs):
			rhs = as.Rhs[i]
		case len(as.Rhs) == 1:
			rhs, index = as.Rhs[0], i
		default:
			continue
		}
		// Prometheus vectors assigned to fields and package-level vars.
		if index < 0 {
			if obj := api.ObjectOf(c.info, lhs); obj != nil {
				if v, ok := obj.(*types.Var); ok {
					c.recordVec(v, rhs)
				}
			}
		}
		if v := c.localVar(rhs); v != nil && index < 0 {
			switch l := ast.Unparen(lhs).(type) {
			case *ast.IndexExpr:
				c.stored[v] = true
			case *ast.SelectorExpr:
				if c.isField(l) {
					c.stored[v] = true
				}
			}
		}
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
			if v := c.localVar(ix.X); v != nil {
				c.defs[v] = append(c.defs[v], def{rhs: rhs, index: -1, key: ix.Index, scope: scope, pos: as.Pos(), kind: defIndex})
			}
			continue
		}
		v := c.localVar(lhs)
		if v == nil {
			continue
		}
		kind := defAssign
		if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			kind = defOpAssign
		}
		c.defs[v] = append(c.defs[v], def{rhs: rhs, index: index, scope: scope, pos: as.Pos(), kind: kind})
	}
}

func (c *checker) recordValueSpec(vs *ast.ValueSpec, stack []ast.Node) {
	scope := innermostScope(stack)
	for i, id := range vs.Names {
		v, ok := c.info.Defs[id].(*types.Var)
		if !ok {
			continue
		}
		var rhs ast.Expr
		index := -1
		switch {
		case len(vs.Values) == len(vs.Names):
			rhs = vs.Values[i]
		case len(vs.Values) == 1:
			rhs, index = vs.Values[0], i
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			if index < 0 && rhs != nil {
				c.pkgInits[v] = rhs
				c.recordVec(v, rhs)
			}
			continue
		}
		if index < 0 && rhs != nil {
			c.recordVec(v, rhs)
		}
		c.defs[v] = append(c.defs[v], def{rhs: rhs, index: index, scope: scope, pos: vs.Pos(), kind: defAssign})
	}
}

func (c *checker) recordRange(rs *ast.RangeStmt) {
	if rs.Tok != token.DEFINE && rs.Tok != token.ASSIGN {
		return
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if v := c.localVar(e); v != nil {
			c.defs[v] = append(c.defs[v], def{rhs: rs.X, index: -1, scope: rs, pos: rs.Pos(), kind: defRange})
		}
	}
}

// recordVec remembers that the variable or field v holds the Prometheus
// vector built by rhs.
func (c *checker) recordVec(v *types.Var, rhs ast.Expr) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return
	}
	if in, ok := api.InstrumentOf(c.info, call); ok && in.Vec {
		c.vecs[v] = append(c.vecs[v], call)
	}
}

func (c *checker) visitCall(call *ast.CallExpr, stack []ast.Node) {
	info := c.info
	if fn := api.Callee(info, call); fn != nil && fn.Pkg() == c.pass.Pkg {
		c.calls[fn] = append(c.calls[fn], call)
	}
	if _, ok := api.MetricAttributesOf(info, call); ok {
		c.attrSinks = append(c.attrSinks, call)
		return
	}
	if pl, ok := api.PromLabelsOf(info, call); ok {
		c.promUses = append(c.promUses, pl)
		return
	}
	if in, ok := api.InstrumentOf(info, call); ok {
		c.checkConstruction(call, &in, stack)
		c.instruments = append(c.instruments, in)
		return
	}
	if api.IsMeterRegisterCallback(info, call) {
		c.checkRegistration(call, "RegisterCallback", stack)
		return
	}
	if api.IsPromRegister(info, call) {
		// Whether it registers collectors built right here is decided
		// after the walk, which records the assignments to follow.
		if where, hot := c.hotRegistration(call, stack); hot {
			c.promRegs = append(c.promRegs, pendingRegistration{call: call, where: where})
		}
	}
}

// pendingRegistration is a Prometheus registration on a hot path, reported
// after the walk unless it registers collectors built right there.
type pendingRegistration struct {
	call  *ast.CallExpr
	where string
}

// reportRegistrations reports the Prometheus registrations on hot paths.
func (c *checker) reportRegistrations() {
	for _, p := range c.promRegs {
		if !c.registersNewCollectors(p.call) {
			c.reportRegistration(p.call, shortExpr(p.call.Fun), p.where)
		}
	}
}
