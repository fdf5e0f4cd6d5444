package cardinality

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// describeInstrument names an instrument construction for messages:
// `Int64Counter "orders.placed"`, `prometheus.NewCounterVec "http_requests_total"`.
func (c *checker) describeInstrument(in api.Instrument) string {
	desc := in.Func.Name()
	if in.Prometheus {
		desc = in.Func.Pkg().Name() + "." + desc
	}
	if name := c.instrumentName(in); name != "" {
		desc += " " + quote(name)
	}
	return desc
}

// instrumentName returns the constant name of an instrument, or "".
func (c *checker) instrumentName(in api.Instrument) string {
	if in.Prometheus {
		return c.promName(in)
	}
	s, _ := api.StringConst(c.info, in.Name)
	return s
}

// promOpts returns the fields of a Prometheus Opts argument given as a
// literal (or a variable holding one).
func (c *checker) promOpts(in api.Instrument) map[string]ast.Expr {
	if len(in.Options) == 0 {
		return nil
	}
	lit := c.resolveLiteral(in.Options[0], in.Call.Pos())
	if lit == nil {
		return nil
	}
	fields := map[string]ast.Expr{}
	var add func(lit *ast.CompositeLit, depth int)
	add = func(lit *ast.CompositeLit, depth int) {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			fields[id.Name] = kv.Value
			// prometheus.V2's CounterVecOpts{CounterOpts: prometheus.CounterOpts{...}}
			if inner, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok && depth == 0 && strings.HasSuffix(id.Name, "Opts") {
				add(inner, depth+1)
			}
		}
	}
	add(lit, 0)
	return fields
}

// promName returns the fully qualified name of a Prometheus metric built
// from constant Namespace, Subsystem and Name, or "".
func (c *checker) promName(in api.Instrument) string {
	f := c.promOpts(in)
	name, ok := api.StringConst(c.info, f["Name"])
	if !ok {
		return ""
	}
	var parts []string
	for _, k := range []string{"Namespace", "Subsystem"} {
		if s, ok := api.StringConst(c.info, f[k]); ok && s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(append(parts, name), "_")
}

// checkRegistration reports a collector or callback registered on a hot
// path.
func (c *checker) checkRegistration(call *ast.CallExpr, desc string, stack []ast.Node) {
	if where, hot := c.hotRegistration(call, stack); hot {
		c.reportRegistration(call, desc, where)
	}
}

// hotRegistration reports whether the registration call at the top of
// stack is to be checked (outside tests) and lies on a hot path, and where.
func (c *checker) hotRegistration(call *ast.CallExpr, stack []ast.Node) (string, bool) {
	if !c.r.Enabled(checkPerRequest) || lint.IsTestFile(c.pass, call.Pos()) {
		return "", false // tests build instruments per case on purpose
	}
	return c.hotPath(stack)
}

func (c *checker) reportRegistration(call *ast.CallExpr, desc, where string) {
	c.report(checkPerRequest, call, "%s is called %s; register once at start-up (in a constructor, init or sync.Once): registering again fails or leaks a registration", desc, where)
}

// checkConstruction records an instrument constructed on a hot path, to
// be reported after the walk unless it fills a cache.
func (c *checker) checkConstruction(call *ast.CallExpr, in *api.Instrument, stack []ast.Node) {
	if !c.r.Enabled(checkPerRequest) || lint.IsTestFile(c.pass, call.Pos()) {
		return // tests build instruments per case on purpose
	}
	where, hot := c.hotPath(stack)
	if !hot || c.unregisteredFactory(call) {
		return
	}
	p := pendingConstruction{in: *in, where: where}
	if guardedByIf(stack) {
		// A lazily filled cache: if c, ok := m.cache[name]; !ok { c = New...; m.cache[name] = c }.
		switch target := constructionTarget(stack, call).(type) {
		case *ast.IndexExpr:
			return
		case *ast.SelectorExpr:
			if c.isField(target) {
				return
			}
		case *ast.Ident:
			p.result = c.localVar(target)
		}
	}
	c.pending = append(c.pending, p)
}

// pendingConstruction is a hot-path construction reported after the walk,
// unless its result turns out to be cached in a map or field.
type pendingConstruction struct {
	in     api.Instrument
	where  string
	result *types.Var // the local the guarded construction is assigned to
}

func (c *checker) reportConstructions() {
	for _, p := range c.pending {
		if p.result != nil && c.ensureIndexed(p.result) && c.stored[p.result] {
			continue
		}
		c.report(checkPerRequest, p.in.Call, "%s creates an instrument %s; create it once at start-up (a package-level var, a constructor or sync.Once) and reuse it", c.describeInstrument(p.in), p.where)
	}
}

// guardedByIf reports whether the node at the top of stack is inside the
// body of an if statement of its function.
func guardedByIf(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.IfStmt:
			if stack[i+1] == n.Body || stack[i+1] == n.Else {
				return true
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// constructionTarget returns the expression the first result of call is
// assigned to, or nil.
func constructionTarget(stack []ast.Node, call *ast.CallExpr) ast.Expr {
	if len(stack) < 2 {
		return nil
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return nil
	}
	for i, r := range as.Rhs {
		if ast.Unparen(r) == ast.Expr(call) {
			if len(as.Rhs) == 1 {
				i = 0
			}
			return ast.Unparen(as.Lhs[i])
		}
	}
	return nil
}

func (c *checker) isField(sel *ast.SelectorExpr) bool {
	s, ok := c.info.Selections[sel]
	return ok && s.Kind() == types.FieldVal
}

// hotPath decides whether the node at the top of stack runs per request or
// per event rather than once: inside an event loop (for { ... }, a range
// over a channel), or inside an HTTP handler, an observable callback or a
// function receiving a context that is not a constructor.
// Package-level initialisers, init, main, constructors (New..., setup...,
// register...) and functions passed to sync.Once.Do are once.
func (c *checker) hotPath(stack []ast.Node) (string, bool) {
	const perEvent = "on every iteration of the enclosing loop"
	for i := len(stack) - 2; i >= 0; i-- {
		child := stack[i+1]
		switch n := stack[i].(type) {
		case *ast.ForStmt:
			if child == n.Body && n.Init == nil && n.Cond == nil && n.Post == nil {
				return perEvent, true // for { ... }: an event loop
			}
		case *ast.RangeStmt:
			if child == n.Body && c.rangesOverEvents(n.X) {
				return perEvent, true
			}
		case *ast.FuncLit:
			if c.runsOnce(stack, i) {
				return "", false
			}
			sig, _ := api.TypeOf(c.info, n).(*types.Signature)
			switch {
			case api.IsHTTPHandlerSig(sig):
				return "on every request (in this HTTP handler function literal)", true
			case isObserverCallback(sig):
				return "on every collection (in this observable callback)", true
			case hasContextParam(sig):
				return "on every call of this function literal, which receives a request context", true
			}
		case *ast.FuncDecl:
			fn, _ := c.info.Defs[n.Name].(*types.Func)
			if fn == nil {
				return "", false
			}
			sig, _ := fn.Type().(*types.Signature)
			name := n.Name.Name
			switch {
			case api.IsHTTPHandlerSig(sig):
				return "on every request (in HTTP handler " + name + ")", true
			case isSetupName(name) || returnsInstrument(sig) || receivesMeter(sig) || c.buildsServer(n) || c.lastsAsLongAsItsContext(n):
				return "", false
			case isObserverCallback(sig):
				return "on every collection (in observable callback " + name + ")", true
			case hasContextParam(sig) && !c.calledOnlyOnce(fn):
				return "on every call of " + name + ", which receives a request context", true
			}
			return "", false
		}
	}
	return "", false
}

// rangesOverEvents reports whether a range loop receives from a channel
// (jobs, messages, ticks) rather than walking a collection: a loop over a
// slice or map in set-up code builds one instrument per element, once.
func (c *checker) rangesOverEvents(x ast.Expr) bool {
	t := api.TypeOf(c.info, x)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// runsOnce reports whether the function literal at stack[i] is passed to
// sync.Once.Do, sync.OnceFunc, sync.OnceValue or sync.OnceValues.
func (c *checker) runsOnce(stack []ast.Node, i int) bool {
	if i == 0 {
		return false
	}
	call, ok := stack[i-1].(*ast.CallExpr)
	if !ok || call.Fun == stack[i] {
		return false
	}
	switch api.CalleeName(c.info, call) {
	case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
		return true
	}
	return false
}

// hasContextParam reports whether sig receives a context.Context or a
// value of a configured context-carrying type (a framework's request
// context, see api.SetContextCarriers).
func hasContextParam(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	carriers := api.ContextCarriers()
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if api.IsContext(t) {
			return true
		}
		for _, full := range carriers {
			if j := strings.LastIndexByte(full, '.'); j > 0 && api.IsNamed(t, full[:j], full[j+1:]) {
				return true
			}
		}
	}
	return false
}

func isObserverCallback(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if api.IsObserverType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// setupFirstWords are the first words of constructor and set-up function
// names; setupNames are whole names of functions that run once.
var (
	setupFirstWords = map[string]bool{
		"new": true, "must": true, "init": true, "setup": true, "register": true,
		"install": true, "configure": true, "provide": true, "bootstrap": true,
	}
	setupNames = map[string]bool{"main": true, "init": true, "start": true, "run": true, "serve": true}
)

// isSetupName reports whether a function's name says it runs once: a
// constructor (New..., newX), init, main, Setup..., Register..., Start.
func isSetupName(name string) bool {
	ws := api.Words(name)
	if len(ws) == 0 {
		return false
	}
	return setupFirstWords[ws[0]] || setupNames[strings.ToLower(name)]
}

// returnsInstrument reports whether sig returns a metric instrument or
// Prometheus collector: a factory, whose caller decides how often it runs.
func returnsInstrument(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if n := api.NamedOf(sig.Results().At(i).Type()); n != nil && n.Obj().Pkg() != nil {
			switch n.Obj().Pkg().Path() {
			case api.MetricPath, api.PrometheusPath:
				return true
			}
		}
	}
	return false
}

// receivesMeter reports whether sig takes a metric.Meter or
// MeterProvider, or a prometheus.Registerer: a function that sets up
// instruments for its caller.
func receivesMeter(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if api.IsNamed(t, api.MetricPath, "Meter") || api.IsNamed(t, api.MetricPath, "MeterProvider") ||
			api.IsNamed(t, api.PrometheusPath, "Registerer") || api.IsNamed(t, api.PrometheusPath, "Registry") {
			return true
		}
	}
	return false
}

// registersNewCollectors reports whether every collector a Register call
// registers is built by a constructor in the same function (which is
// reported itself).
func (c *checker) registersNewCollectors(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if !c.isFreshInstrument(arg) {
			return false
		}
	}
	return len(call.Args) > 0
}

func (c *checker) isFreshInstrument(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		_, ok := api.InstrumentOf(c.info, call)
		return ok
	}
	v := c.localVar(e)
	if v == nil {
		return false
	}
	defs, entry := c.reachingDefs(v, e.Pos())
	if entry || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok {
			return false
		}
		if _, ok := api.InstrumentOf(c.info, call); !ok {
			return false
		}
	}
	return true
}

// unregisteredFactory reports whether call builds a collector through
// promauto.With(nil): a factory without a registry registers nothing, so
// the collector is a throwaway value (an argument an API requires), not a
// series that accumulates.
func (c *checker) unregisteredFactory(call *ast.CallExpr) bool {
	recv, ok := ast.Unparen(api.Receiver(c.info, call)).(*ast.CallExpr)
	if !ok || api.CalleeName(c.info, recv) != api.PromautoPath+".With" || len(recv.Args) != 1 {
		return false
	}
	tv, ok := c.info.Types[recv.Args[0]]
	return ok && tv.IsNil()
}

// maxCallerDepth bounds how far calledOnlyOnce follows callers.
const maxCallerDepth = 3

// calledOnlyOnce reports whether fn, an unexported function of the package
// (so that every call is in sight), is called, and every call runs once: in
// set-up code (main, init, a constructor, a server's Run or Start) and
// outside a loop or handler, as hotPath judges the call's own position. A
// function that takes a context only because its set-up caller has one
// (buildServerOptions(ctx, cfg), called from Run) is not per request.
func (c *checker) calledOnlyOnce(fn *types.Func) bool {
	if fn.Exported() || c.callerDepth >= maxCallerDepth || c.visiting[fn] {
		return false
	}
	calls := c.callsOf(fn)
	if len(calls) == 0 {
		return false
	}
	if c.visiting == nil {
		c.visiting = map[*types.Func]bool{}
	}
	c.visiting[fn] = true
	c.callerDepth++
	defer func() {
		delete(c.visiting, fn)
		c.callerDepth--
	}()
	for _, call := range calls {
		cur, ok := c.ins.Root().FindNode(call)
		if !ok {
			return false
		}
		var stack []ast.Node
		for n := range cur.Enclosing() {
			stack = append(stack, n.Node())
		}
		slices.Reverse(stack)
		if _, hot := c.hotPath(stack); hot || !insideFunc(stack) {
			return false
		}
	}
	return true
}

// insideFunc reports whether the stack holds a function declaration or
// literal.
func insideFunc(stack []ast.Node) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return true
		}
	}
	return false
}

// buildsServer reports whether fd makes the server or router the program
// serves requests with (api.BuildsServer): it runs at start-up, once, even
// when it takes the serve command's context (a config's Complete(ctx)
// building the gRPC server and its metrics).
func (c *checker) buildsServer(fd *ast.FuncDecl) bool {
	if fd.Body == nil {
		return false
	}
	if v, ok := c.serverBuilders[fd]; ok {
		return v
	}
	found := false
	if cur, ok := c.ins.Root().FindNode(fd.Body); ok {
		kinds := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.FuncLit)(nil)}
		cur.Inspect(kinds, func(cur inspector.Cursor) bool {
			if _, lit := cur.Node().(*ast.FuncLit); lit || found {
				return false // a handler it builds runs per request
			}
			found = api.BuildsServer(c.info, cur.Node())
			return !found
		})
	}
	if c.serverBuilders == nil {
		c.serverBuilders = map[*ast.FuncDecl]bool{}
	}
	c.serverBuilders[fd] = found
	return found
}

// lastsAsLongAsItsContext reports whether fd runs until its context ends:
// a statement of its body waits for <-ctx.Done() (a reporter that
// registers its callbacks, then blocks until the controller stops), or an
// endless loop of its body selects on it. Such a function runs once for
// its context's lifetime — a worker, not a request — so what it registers
// before it waits is registered once.
func (c *checker) lastsAsLongAsItsContext(fd *ast.FuncDecl) bool {
	if fd.Body == nil {
		return false
	}
	awaitsParam := func(e ast.Expr) bool {
		v := lint.AwaitedContext(c.info, e)
		return v != nil && lint.DeclaredIn(v, fd.Type)
	}
	for _, st := range fd.Body.List {
		switch st := st.(type) {
		case *ast.ExprStmt:
			if awaitsParam(st.X) {
				return true
			}
		case *ast.ForStmt:
			if st.Cond != nil {
				continue
			}
			for _, inner := range st.Body.List {
				sel, ok := inner.(*ast.SelectStmt)
				if !ok {
					continue
				}
				for _, cc := range sel.Body.List {
					if es, ok := cc.(*ast.CommClause).Comm.(*ast.ExprStmt); ok && awaitsParam(es.X) {
						return true
					}
				}
			}
		}
	}
	return false
}
