package cardinality

import (
	_ "embed" // for the rule documentation in doc.go
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

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

	checkDecrement      = "counter-decrement"
	checkGaugeAsCounter = "gauge-as-counter"
	checkExemplars      = "exemplars"
)

var (
	// coarse-buckets is opt-in: whether 10 ms against 100 ms matters
	// depends on what a histogram times, which the code does not say.
	checks = lint.NewChecks([]string{checkKey, checkValue, checkPerRequest, checkUnit, checkBuckets, checkDecrement, checkGaugeAsCounter, checkExemplars}, checkBuckets)
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
	fs.Var(checks, "checks", "comma-separated checks to run: key, value, per-request-instrument, missing-unit, coarse-buckets (off by default), counter-decrement, gauge-as-counter, exemplars, all; all,-name switches one off")
	fs.Var(&keys, "keys", "comma-separated extra high-cardinality attribute keys or label names (matched on normalised words, like the defaults)")
	fs.Var(&allow, "allow", "comma-separated attribute keys or label names never reported, nor their values (matched on normalised words)")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if pass.TypesInfo == nil || !mayRecordMetrics(pass.Pkg) {
		return nil, nil
	}
	c := newChecker(pass)
	c.ins = pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.walk(c.ins)
	c.reportRegistrations()
	c.reportConstructions()
	c.checkOTelAttributes()
	c.checkPromLabels()
	c.checkInstruments()
	c.checkCounterUpdates()
	c.checkGauges()
	c.checkExemplars()
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
	ins    *inspector.Inspector
	r      *lint.Reporter
	policy keyPolicy

	defs     map[*types.Var][]def          // assignments to locals
	pkgInits map[*types.Var]ast.Expr       // initialisers of package-level vars
	params   map[*types.Var]paramRef       // parameters of the package's functions
	decls    map[*types.Func]*ast.FuncDecl // the package's functions
	returns  map[*ast.FuncDecl][]*ast.ReturnStmt
	calls    map[*types.Func][]*ast.CallExpr // calls of the package's functions, see callsOf
	enums    map[*types.Named]bool

	attrSinks   []*ast.CallExpr // metric.WithAttributes / WithAttributeSet calls
	promUses    []api.PromLabels
	vecs        map[types.Object][]*ast.CallExpr // vector variable or field -> its constructors
	pruned      map[types.Object]bool            // vectors whose series the package deletes, see checkPromLabels
	fieldStores map[types.Object][]*types.Var    // variables stored into struct fields of the package, see vectorHolders
	instruments []api.Instrument                 // every constructor call, checked after the walk
	pending     []pendingConstruction            // hot-path constructions, see reportConstructions
	promRegs    []pendingRegistration            // hot-path Prometheus registrations, see reportRegistrations
	stored      map[*types.Var]bool              // locals stored into a map element or a field
	indexed     map[ast.Decl]bool                // top-level declarations indexed, see ensureIndexed
	files       []*ast.File                      // the package's files by position, for ensureIndexed
	updates     []updateSite                     // counter and gauge updates, see counters.go

	reported  map[reportKey]bool
	generated map[*token.File]bool

	visiting map[*types.Func]bool // functions whose callers calledOnlyOnce is following
	// serverBuilders memoizes buildsServer per function declaration.
	serverBuilders map[*ast.FuncDecl]bool
	callerDepth    int
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
		pass:        pass,
		info:        pass.TypesInfo,
		r:           lint.NewReporter(pass, "cardinality", checks),
		policy:      newPolicy(keys.list(), allow.list()),
		defs:        map[*types.Var][]def{},
		pkgInits:    map[*types.Var]ast.Expr{},
		params:      map[*types.Var]paramRef{},
		decls:       map[*types.Func]*ast.FuncDecl{},
		returns:     map[*ast.FuncDecl][]*ast.ReturnStmt{},
		enums:       map[*types.Named]bool{},
		vecs:        map[types.Object][]*ast.CallExpr{},
		pruned:      map[types.Object]bool{},
		fieldStores: map[types.Object][]*types.Var{},
		reported:    map[reportKey]bool{},
		generated:   map[*token.File]bool{},
		stored:      map[*types.Var]bool{},
		indexed:     map[ast.Decl]bool{},
	}
	c.policy.tenantUsers = multiTenant(pass.Pkg)
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

// walk visits the package's calls, recording sinks and instruments and
// checking instrument construction sites on the way. Calls are looked at
// through their types only when their name could be a metric API's
// (api.MayBeMetricCall). What the checks after the walk follow values
// through — assignments, parameters, returns, initialisers — is indexed
// per top-level declaration on first use (ensureIndexed): most functions
// of a package hold no value that reaches a metric. Vectors stored in
// variables and fields are matched package-wide, so a package that uses
// Prometheus is indexed whole.
func (c *checker) walk(in *inspector.Inspector) {
	var stack []ast.Node
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		c.visitUpdate(cur, call)
		if !api.MayBeMetricCall(call) {
			continue
		}
		stack = stack[:0]
		for e := range cur.Enclosing() {
			stack = append(stack, e.Node())
		}
		slices.Reverse(stack)
		c.visitCall(call, stack)
	}
	prom := len(c.promUses) > 0
	for _, in := range c.instruments {
		prom = prom || in.Prometheus
	}
	if prom {
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				c.indexDecl(f, d)
			}
		}
	}
}

// ensureIndexed indexes the top-level declaration of the package that
// declares v (a local, a parameter or a package-level variable), once. It
// returns true, for use in conditions.
func (c *checker) ensureIndexed(v types.Object) bool {
	if v == nil || v.Pkg() != c.pass.Pkg || !v.Pos().IsValid() {
		return true
	}
	if vr, ok := v.(*types.Var); ok && vr.IsField() {
		return true
	}
	pos := v.Pos()
	if c.files == nil {
		c.files = slices.Clone(c.pass.Files)
		sort.Slice(c.files, func(i, j int) bool { return c.files[i].FileStart < c.files[j].FileStart })
	}
	files := c.files
	i := sort.Search(len(files), func(i int) bool { return files[i].FileEnd > pos })
	if i == len(files) || pos < files[i].FileStart {
		return true
	}
	f := files[i]
	j := sort.Search(len(f.Decls), func(j int) bool { return f.Decls[j].End() > pos })
	if j < len(f.Decls) && f.Decls[j].Pos() <= pos {
		c.indexDecl(f, f.Decls[j])
	}
	return true
}

// indexDecl records the assignments, parameters, returns and initialisers
// of one top-level declaration of file f, once.
func (c *checker) indexDecl(f *ast.File, d ast.Decl) {
	if c.indexed[d] {
		return
	}
	c.indexed[d] = true
	stack := []ast.Node{f}
	ast.Inspect(d, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
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
					c.recordFieldStore(f, n.Value)
				}
			}
		}
		return true
	})
}

// declOf returns the declaration of the package's function fn, or nil.
func (c *checker) declOf(fn *types.Func) *ast.FuncDecl {
	if fn.Pkg() != c.pass.Pkg {
		return nil
	}
	if fd, ok := c.decls[fn]; ok {
		return fd
	}
	c.ensureIndexed(fn)
	return c.decls[fn]
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
					if v.IsField() {
						c.recordFieldStore(v, rhs)
					}
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
		c.defs[v] = append(c.defs[v], def{rhs: rhs, index: index, scope: scope, pos: as.Pos(), kind: kind, op: as.Tok})
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
	for i, e := range []ast.Expr{rs.Key, rs.Value} {
		if v := c.localVar(e); v != nil {
			kind := defRange
			if i == 0 && c.rangesOverPositions(rs.X) {
				kind = defRangeIndex
			}
			c.defs[v] = append(c.defs[v], def{rhs: rs.X, index: -1, scope: rs, pos: rs.Pos(), kind: kind})
		}
	}
}

// rangesOverPositions reports whether a range loop's key is a position in
// a list (an index of an array, slice or string, or a count of an integer)
// rather than a map key or a received value: bounded by the list's length.
func (c *checker) rangesOverPositions(x ast.Expr) bool {
	return api.RangeYieldsIndex(api.TypeOf(c.info, x))
}

// recordFieldStore remembers that the field f of a struct of this package
// is given the variable rhs names (m.requests = requests,
// Metrics{Requests: requests}).
func (c *checker) recordFieldStore(f *types.Var, rhs ast.Expr) {
	id, ok := ast.Unparen(rhs).(*ast.Ident)
	if !ok || f.Pkg() != c.pass.Pkg {
		return
	}
	if v, ok := c.info.Uses[id].(*types.Var); ok {
		c.fieldStores[v] = append(c.fieldStores[v], f)
	}
}

// recordVec remembers that the variable or field v holds the Prometheus
// vector built by rhs.
func (c *checker) recordVec(v *types.Var, rhs ast.Expr) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !api.MayBeMetricCall(call) {
		return
	}
	if in, ok := api.InstrumentOf(c.info, call); ok && in.Vec {
		c.vecs[v] = append(c.vecs[v], call)
	}
}

func (c *checker) visitCall(call *ast.CallExpr, stack []ast.Node) {
	info := c.info
	if _, ok := api.MetricAttributesOf(info, call); ok {
		c.attrSinks = append(c.attrSinks, call)
		return
	}
	if pl, ok := api.PromLabelsOf(info, call); ok {
		c.promUses = append(c.promUses, pl)
		return
	}
	if vec, ok := api.PromSeriesDeletion(info, call); ok {
		if obj := api.ObjectOf(info, vec); obj != nil && !lint.IsTestFile(c.pass, call.Pos()) {
			c.pruned[obj] = true
		}
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

// callsOf returns the calls of the package's function fn, in the order of
// the source. The index is built on first use: only values followed into
// a wrapper's parameters need it.
func (c *checker) callsOf(fn *types.Func) []*ast.CallExpr {
	if c.calls == nil {
		c.calls = map[*types.Func][]*ast.CallExpr{}
		for n := range c.ins.PreorderSeq((*ast.CallExpr)(nil)) {
			call := n.(*ast.CallExpr)
			if f := api.Callee(c.info, call); f != nil && f.Pkg() == c.pass.Pkg {
				c.calls[f] = append(c.calls[f], call)
			}
		}
	}
	return c.calls[fn]
}

// reportRegistrations reports the Prometheus registrations on hot paths.
func (c *checker) reportRegistrations() {
	for _, p := range c.promRegs {
		if !c.registersNewCollectors(p.call) {
			c.reportRegistration(p.call, shortExpr(p.call.Fun), p.where)
		}
	}
}
