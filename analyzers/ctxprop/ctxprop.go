package ctxprop

import (
	_ "embed" // for the rule documentation in doc.go
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer is the ctxprop rule.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxprop",
	Doc:      lint.MustExtractDoc(doc, "ctxprop"),
	URL:      "https://github.com/otellint/otellint#ctxprop",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

// The checks.
const (
	checkBackground = "background" // context.Background()/TODO() where a context is reachable
	checkLoop       = "loop"       // a fresh root context on every loop iteration
	checkGoroutine  = "goroutine"  // a goroutine started from a fresh root context
	checkCtxless    = "ctxless"    // a listed or configured context-less call
	checkConvention = "convention" // F where the types prove an FContext twin
)

var (
	checks       = lint.NewChecks([]string{checkBackground, checkLoop, checkGoroutine, checkCtxless, checkConvention})
	includeTests = true
)

func init() {
	fs := &Analyzer.Flags
	fs.Var(checks, "checks", "comma-separated checks to run: background, loop, goroutine, ctxless, convention; \"all\", or \"all,-name\"")
	fs.BoolVar(&includeTests, "tests", true, "also check _test.go files (top-level Test, Benchmark, Fuzz and Example functions are never checked)")
	fs.Var(carrierFlag{}, "context-types", "comma-separated context-carrying types, written import/path.TypeName (e.g. a framework's request context); a parameter of such a type makes a context reachable")
	fs.Var(pairsFlag{}, "pairs", "comma-separated extra context-less → context-taking pairs, written fullname=TwinName, e.g. (*example.com/kv.Client).Get=GetCtx")
}

// carrierFlag sets api.SetContextCarriers.
type carrierFlag struct{}

func (carrierFlag) String() string { return strings.Join(api.ContextCarriers(), ",") }
func (carrierFlag) Set(s string) error {
	names := api.SplitList(s)
	for _, n := range names {
		if i := strings.LastIndexByte(n, '.'); i <= 0 || i == len(n)-1 {
			return fmt.Errorf("context type %q: want import/path.TypeName", n)
		}
	}
	api.SetContextCarriers(names)
	return nil
}

// pairsFlag sets api.SetCtxlessPairs.
type pairsFlag struct{}

func (pairsFlag) String() string { return strings.Join(api.CtxlessPairs(), ",") }
func (pairsFlag) Set(s string) error {
	m := map[string]string{}
	for _, p := range api.SplitTopLevel(s) {
		i := strings.LastIndexByte(p, '=')
		name, twin := strings.TrimSpace(p[:max(i, 0)]), strings.TrimSpace(p[i+1:])
		if i <= 0 || twin == "" || !token.IsIdentifier(twin) {
			return fmt.Errorf("pair %q: want fullname=TwinName, e.g. (*example.com/kv.Client).Get=GetCtx", p)
		}
		m[name] = twin
	}
	api.SetCtxlessPairs(m)
	return nil
}

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if !api.ImportsAny(pass.Pkg, "context", "net/http") && len(api.ContextCarriers()) == 0 {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &collector{
		pass:      pass,
		shutdown:  map[*types.Var]bool{},
		rebound:   map[*types.Var]bool{},
		pure:      map[*types.Var]bool{},
		stored:    map[*types.Var]bool{},
		unset:     map[*types.Var]bool{},
		setAt:     map[*types.Var]token.Pos{},
		kinds:     map[*types.Func]calleeKind{},
		ctxImport: map[*ast.File]string{},
	}
	ins.WithStack([]ast.Node{(*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}, c.visit)
	r := lint.NewReporter(pass, "ctxprop", checks)
	for _, f := range c.findings {
		if c.shutdown[f.flowsTo] || c.stored[f.flowsTo] || c.rebound[f.request] {
			continue
		}
		r.Report(f.check, f.diag)
	}
	return nil, nil
}

// finding is a diagnostic whose fate depends on the rest of the package
// walk: it is dropped when its fresh context flows into a shutdown call or
// is stored in a component, or when the request or command it builds is
// given a context afterwards.
type finding struct {
	check   string
	diag    analysis.Diagnostic
	flowsTo *types.Var // the variable the fresh context (or one derived from it) is stored in
	request *types.Var // the variable an http.NewRequest or exec.Command result is stored in
}

type collector struct {
	pass      *analysis.Pass
	shutdown  map[*types.Var]bool      // contexts passed to Shutdown-like calls
	rebound   map[*types.Var]bool      // requests given a context by WithContext or Clone
	pure      map[*types.Var]bool      // locals holding a fresh root and nothing else
	stored    map[*types.Var]bool      // context locals kept in a struct field or package variable
	unset     map[*types.Var]bool      // context locals declared without a value (var ctx context.Context)
	setAt     map[*types.Var]token.Pos // the first assignment to an unset local
	kinds     map[*types.Func]calleeKind
	decls     map[*types.Func]*ast.FuncDecl // this package's functions, indexed on first use
	ctxImport map[*ast.File]string
	findings  []finding
}

func (c *collector) visit(n ast.Node, push bool, stack []ast.Node) bool {
	if !push {
		return true
	}
	switch n := n.(type) {
	case *ast.File:
		return !lint.IsGenerated(n) && (includeTests || !lint.IsTestFile(c.pass, n.Pos()))
	case *ast.FuncDecl:
		return !isRootFunc(c.pass, n)
	case *ast.AssignStmt:
		c.notePureRoots(n.Lhs, n.Rhs)
		c.noteSet(n, stack)
		c.noteStoredContexts(n)
	case *ast.CompositeLit:
		if literalKept(stack) {
			c.noteStoredContexts(n)
		}
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			names[i] = id
		}
		c.notePureRoots(names, n.Values)
		c.noteUnset(n)
	case *ast.CallExpr:
		fn := api.Callee(c.pass.TypesInfo, n)
		c.noteShutdownArgs(n)
		c.noteRetainedArgs(n)
		c.noteReboundRequest(n, fn)
		switch c.kindOf(fn) {
		case calleeFresh:
			c.freshContext(n, "context."+fn.Name()+"()", stack)
		case calleeFreshWrapper:
			c.freshContext(n, fn.Name()+"() (which returns a fresh root context)", stack)
		case calleeListed, calleeMayTwin:
			c.contextlessCall(n, stack)
		}
	}
	return true
}

// isFreshWrapper reports whether fn is a function of this package that
// takes nothing, returns a context.Context, and whose every return statement
// returns context.Background() or context.TODO():
//
//	func detached() context.Context { return context.Background() }
func (c *collector) isFreshWrapper(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 || !api.IsContext(sig.Results().At(0).Type()) {
		return false
	}
	if c.decls == nil {
		c.decls = map[*types.Func]*ast.FuncDecl{}
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
	}
	decl := c.decls[fn]
	if decl == nil {
		return false
	}
	returns, fresh := 0, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			call, ok := ast.Unparen(firstOrNil(n.Results)).(*ast.CallExpr)
			if !ok {
				fresh = false
			} else if _, ok := api.IsFreshContext(c.pass.TypesInfo, call); !ok {
				fresh = false
			}
		}
		return fresh
	})
	return fresh && returns > 0
}

func firstOrNil(es []ast.Expr) ast.Expr {
	if len(es) == 0 {
		return nil
	}
	return es[0]
}

// calleeKind classifies a called function, once per package.
type calleeKind uint8

const (
	calleeOther        calleeKind = iota
	calleeFresh                   // context.Background, context.TODO
	calleeListed                  // in the context-less table or -ctxprop.pairs
	calleeMayTwin                 // an F with an FContext beside it (proven per call)
	calleeFreshWrapper            // a same-package func() context.Context returning only fresh roots
)

func (c *collector) kindOf(fn *types.Func) calleeKind {
	if fn == nil {
		return calleeOther
	}
	if k, ok := c.kinds[fn]; ok {
		return k
	}
	k := calleeOther
	switch name := api.FullName(fn); {
	case name == "context.Background" || name == "context.TODO":
		k = calleeFresh
	case api.CtxlessListed(name):
		k = calleeListed
	case checks.Enabled(checkConvention) && api.DeclaresCtxTwin(fn):
		k = calleeMayTwin
	case c.isFreshWrapper(fn):
		k = calleeFreshWrapper
	}
	c.kinds[fn] = k
	return k
}

// contextAt returns the context reachable at pos, preferring one that may
// carry a trace over a local holding nothing but a fresh root (which is
// returned only when there is no other).
func (c *collector) contextAt(stack []ast.Node, pos token.Pos) (api.ContextSource, bool) {
	funcs := lint.EnclosingFuncs(stack)
	// A local declared without a value (var ctx context.Context) is nil
	// until an assignment before pos — often one in a callback that runs
	// later — and no context to pass.
	isNil := func(v *types.Var) bool {
		if !c.unset[v] {
			return false
		}
		at, ok := c.setAt[v]
		return !ok || at >= pos
	}
	if src, ok := api.ContextAtExcept(c.pass.Pkg, c.pass.TypesInfo, funcs, pos, func(v *types.Var) bool { return c.pure[v] || isNil(v) }); ok {
		return src, true
	}
	return api.ContextAtExcept(c.pass.Pkg, c.pass.TypesInfo, funcs, pos, isNil)
}

// noteUnset records the context locals a declaration leaves nil: var ctx
// context.Context.
func (c *collector) noteUnset(spec *ast.ValueSpec) {
	if len(spec.Values) > 0 {
		return
	}
	for _, id := range spec.Names {
		if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
			c.unset[v] = true
		}
	}
}

// noteSet records the first assignment of a value to each context local
// declared without one. Assignments of nil do not count, nor do those in a
// function literal nested in the variable's function: a callback runs at
// a time the order of the source does not tell.
func (c *collector) noteSet(as *ast.AssignStmt, stack []ast.Node) {
	var fn ast.Node
	if fs := lint.EnclosingFuncs(stack); len(fs) > 0 {
		fn = fs[len(fs)-1]
	}
	for i, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !c.unset[v] || fn == nil || !declaredIn(v, fn) {
			continue
		}
		if len(as.Rhs) == len(as.Lhs) && isNil(c.pass.TypesInfo, as.Rhs[i]) {
			continue
		}
		if _, seen := c.setAt[v]; !seen {
			c.setAt[v] = as.Pos()
		}
	}
}

// isRootFunc reports whether fd is where contexts legitimately start: main
// and init, and the top-level Test, Benchmark, Fuzz and Example functions
// (and TestMain) of a _test.go file.
func isRootFunc(pass *analysis.Pass, fd *ast.FuncDecl) bool {
	if fd.Recv != nil {
		return false
	}
	name := fd.Name.Name
	if name == "init" || name == "main" && pass.Pkg.Name() == "main" {
		return true
	}
	if !lint.IsTestFile(pass, fd.Pos()) {
		return false
	}
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok && (rest == "" || !isLower(rest[0])) {
			return true
		}
	}
	return false
}

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

// freshContext examines a context.Background() or context.TODO() call, or a
// call of a same-package wrapper of one; fresh names it for messages.
func (c *collector) freshContext(call *ast.CallExpr, fresh string, stack []ast.Node) {
	info := c.pass.TypesInfo
	parent, inParent := parentCall(stack)
	if inParent {
		switch {
		case isLogCall(info, parent),
			api.IsPropagatorExtract(info, parent) && argIndex(parent, call) == 0,
			linksTrace(info, parent) && argIndex(parent, call) == 0,
			isShutdownCall(info, parent),
			api.RetainsContext(info, parent):
			return
		}
	}
	if inDefer(stack) || insideNilContextCheck(info, stack) || storedForLater(info, stack) {
		return
	}
	src, ok := c.contextAt(stack, call.Pos())
	if !ok || inOnceInit(info, stack, src.Var) || inNilBranch(info, stack, src.Var) {
		return
	}
	flowsTo, reassign := freshContextFlow(info, stack)
	if reassign && flowsTo == src.Var {
		return // ctx = context.Background(): deliberately re-rooted
	}
	f := finding{flowsTo: flowsTo, diag: analysis.Diagnostic{Pos: call.Pos(), End: call.End()}}
	replacement := src.Expr
	goArg := isGoArg(stack, parent, inParent)
	loop := !goArg && loopAround(stack, src.Var) != nil
	if !loop && c.pure[src.Var] {
		return // the only context at hand is another empty root: no trace to lose
	}
	switch {
	case loop:
		f.check = checkLoop
		f.diag.Message = fmt.Sprintf("%s starts a new root context on every iteration of this loop; use %s or a context derived from it", fresh, src.Describe())
		if inParent && argIndex(parent, call) == 0 && isContextDerivation(info, parent) && !src.Opaque {
			f.diag.Message = fmt.Sprintf("%s starts a new root context on every iteration of this loop; derive it from %s: %s%s(%s, ...)",
				fresh, src.Describe(), qualifier(call), api.Callee(info, parent).Name(), src.Expr)
		}
	case goArg || startsGoroutine(info, stack, src.Var):
		f.check = checkGoroutine
		ctx := src.Expr
		if src.Opaque {
			ctx = "that context"
		}
		f.diag.Message = fmt.Sprintf("goroutine starts from %s and loses the trace of %s; pass %s for work that must outlive it, or %s to stop with it",
			fresh, src.Describe(), withoutCancel(qualifier(call), ctx), ctx)
		replacement = withoutCancel(qualifier(call), src.Expr)
		if !c.goAtLeast("go1.21") {
			replacement = ""
		}
	default:
		f.check = checkBackground
		f.diag.Message = fmt.Sprintf("use %s instead of %s", src.Describe(), fresh)
		if inParent && argIndex(parent, call) == 0 && detachesDeadline(info, parent) && !src.Opaque && c.goAtLeast("go1.21") {
			// A fresh deadline or cancellation may be deliberate (work
			// that must finish even if the caller gives up): say how
			// to keep the trace then.
			f.diag.Message += fmt.Sprintf(", or %s if the work must outlive it", withoutCancel(qualifier(call), src.Expr))
		}
	}
	if src.Opaque {
		replacement = ""
	}
	if replacement != "" {
		f.diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "use " + replacement,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(replacement)}},
		}}
	}
	c.findings = append(c.findings, f)
}

// contextlessCall examines a call that may have a context-taking variant.
func (c *collector) contextlessCall(call *ast.CallExpr, stack []ast.Node) {
	info := c.pass.TypesInfo
	cl, ok := api.CtxlessOf(info, c.pass.Pkg, call)
	check := checkCtxless
	if !ok {
		if !checks.Enabled(checkConvention) {
			return
		}
		if cl, ok = api.CtxTwinOf(info, c.pass.Pkg, call); !ok {
			return
		}
		check = checkConvention
	}
	if isLogCall(info, call) || inDefer(stack) || insideTwin(info, stack, cl) {
		return
	}
	src, ok := c.contextAt(stack, call.Pos())
	if !ok || inNilBranch(info, stack, src.Var) || c.pure[src.Var] {
		// The only context at hand is an empty root: no trace to lose,
		// and it is often one the code cancels on purpose.
		return
	}
	ctxText, fixable := src.Expr, !src.Opaque
	if src.Opaque {
		ctxText = ""
	} else if startsGoroutine(info, stack, src.Var) {
		// The goroutine may outlive the context: keep the trace, not the
		// cancellation.
		q, imported := c.contextQualifier(stack)
		if !imported {
			q = "context."
		}
		ctxText = withoutCancel(q, src.Expr)
		fixable = imported && c.goAtLeast("go1.21")
	}
	fixable = fixable && c.goAtLeast(cl.MinGo)
	f := finding{check: check, diag: analysis.Diagnostic{Pos: call.Pos(), End: call.End()}}
	if sig, ok := cl.Func.Type().(*types.Signature); ok && sig.Results().Len() > 0 && isUnsent(sig.Results().At(0).Type()) {
		f.request, _ = freshContextFlow(info, stack)
	}
	f.diag.Message, f.diag.SuggestedFixes = describeCtxless(cl, src, ctxText, fixable, c.qualifiedTwin(cl))
	c.findings = append(c.findings, f)
}

// describeCtxless builds the message and, when fixable and the rewrite is
// one call edit, the fix. ctxText is the context expression to pass, or ""
// when there is none (a carrier whose context cannot be named).
func describeCtxless(cl api.CtxlessCall, src api.ContextSource, ctxText string, fixable bool, twin string) (string, []analysis.SuggestedFix) {
	call := cl.Call
	head := fmt.Sprintf("%s cannot carry %s; ", api.ShortFuncName(cl.Func), src.Describe())
	if ctxText == "" {
		if cl.Rewrite == api.RewriteNone {
			return head + fmt.Sprintf(cl.Hint, "that context"), nil
		}
		return head + fmt.Sprintf("call %s with that context instead", twin), nil
	}
	if cl.Rewrite == api.RewriteNone {
		return head + fmt.Sprintf(cl.Hint, ctxText), nil
	}
	args := ctxText
	if cl.Extra != "" {
		args += ", " + cl.Extra
	}
	insert := args
	if len(call.Args) > 0 {
		args += ", ..."
		insert += ", "
	}
	msg := head + fmt.Sprintf("call %s(%s) instead", twin, args)
	if !fixable {
		return msg, nil
	}
	var edits []analysis.TextEdit
	switch cl.Rewrite {
	case api.RewriteTwin:
		id := api.CalleeIdent(call.Fun)
		if id == nil {
			return msg, nil
		}
		edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(cl.Twin)})
	case api.RewriteDialer, api.RewriteResolver:
		edits = append(edits, analysis.TextEdit{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(twin)})
	}
	edits = append(edits, analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(insert)})
	return msg, []analysis.SuggestedFix{{Message: "call " + twin, TextEdits: edits}}
}

// qualifiedTwin writes the replacement callee as the fix spells it:
// "QueryContext" for a method, "http.NewRequestWithContext" for a package
// function (with the file's own qualifier), "(&net.Dialer{}).DialContext".
func (c *collector) qualifiedTwin(cl api.CtxlessCall) string {
	q := ""
	if sel, ok := ast.Unparen(cl.Call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if _, isPkg := c.pass.TypesInfo.Uses[id].(*types.PkgName); isPkg {
				q = id.Name + "."
			}
		}
	}
	switch cl.Rewrite {
	case api.RewriteDialer:
		return "(&" + q + "Dialer{})." + cl.Twin
	case api.RewriteResolver:
		return q + "DefaultResolver." + cl.Twin
	}
	if sig, ok := cl.Func.Type().(*types.Signature); ok && sig.Recv() != nil {
		return cl.Twin
	}
	return q + cl.Twin
}

// parentCall returns the call whose argument the top of stack is, looking
// through parentheses.
func parentCall(stack []ast.Node) (*ast.CallExpr, bool) {
	child := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			return p, argIndex(p, child) >= 0
		}
		return nil, false
	}
	return nil, false
}

func argIndex(call *ast.CallExpr, e ast.Node) int {
	for i, a := range call.Args {
		if a == e || ast.Unparen(a) == e {
			return i
		}
	}
	return -1
}

func isLogCall(info *types.Info, call *ast.CallExpr) bool {
	_, ok := api.LogCallOf(info, call)
	return ok
}

// isUnsent reports whether t is a value built to be sent or run later,
// which can still be given a context: *http.Request, *exec.Cmd.
func isUnsent(t types.Type) bool {
	return api.IsHTTPRequest(t) || api.IsPointerTo(t, "os/exec", "Cmd")
}

// linksTrace reports whether call puts a span or baggage into its context
// argument explicitly — trace.ContextWithSpan(context.Background(),
// trace.SpanFromContext(ctx)) is the pre-Go 1.21 way to detach from
// cancellation and keep the trace.
func linksTrace(info *types.Info, call *ast.CallExpr) bool {
	switch api.CalleeName(info, call) {
	case api.TracePath + ".ContextWithSpan", api.TracePath + ".ContextWithSpanContext",
		api.TracePath + ".ContextWithRemoteSpanContext", api.BaggagePath + ".ContextWithBaggage":
		return true
	}
	return false
}

// isShutdownCall reports whether call ends the life of a component: a
// function, method or function value named Shutdown (or containing it),
// Stop, Close, Cleanup, Flush, ForceFlush or Drain whose first parameter is
// a context.Context — tp.Shutdown(ctx), srv.Shutdown(ctx), cleanup(ctx). Its
// context deliberately starts fresh: the root context is usually cancelled
// by then.
func isShutdownCall(info *types.Info, call *ast.CallExpr) bool {
	id := api.CalleeIdent(call.Fun)
	if id == nil {
		return false
	}
	if !isShutdownName(id.Name) {
		return false
	}
	t := api.TypeOf(info, call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() > 0 && api.IsContext(sig.Params().At(0).Type())
}

func isShutdownName(name string) bool {
	for _, n := range []string{"stop", "close", "cleanup", "flush", "forceflush", "drain"} {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	const s = "shutdown"
	for i := 0; i+len(s) <= len(name); i++ {
		if strings.EqualFold(name[i:i+len(s)], s) {
			return true
		}
	}
	return false
}

// noteShutdownArgs records the context variables passed to a shutdown call.
func (c *collector) noteShutdownArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 || !isShutdownCall(c.pass.TypesInfo, call) {
		return
	}
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
			c.shutdown[v] = true
		}
	}
}

// noteRetainedArgs records the context variables given to a call that
// builds a long-lived client keeping them (api.RetainsContext: ctx :=
// context.WithValue(context.Background(), oauth2.HTTPClient, hc);
// src := conf.TokenSource(ctx)): like a context stored in a field, the
// fresh root is the client's lifetime context.
func (c *collector) noteRetainedArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 || !api.RetainsContext(c.pass.TypesInfo, call) {
		return
	}
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
				c.stored[v] = true
			}
		}
	}
}

// noteReboundRequest records the requests and commands that get a context
// later: req in req.WithContext(ctx) and req.Clone(ctx), and a request or
// an *exec.Cmd handed to a call together with a context (client.Do(ctx,
// req), runCmd(ctx, cmd), whose callee attaches it).
func (c *collector) noteReboundRequest(call *ast.CallExpr, fn *types.Func) {
	info := c.pass.TypesInfo
	unsentVar := func(e ast.Expr) *types.Var {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && isUnsent(v.Type()) {
				return v
			}
		}
		return nil
	}
	if fn != nil && (fn.Name() == "WithContext" || fn.Name() == "Clone") {
		if name := api.FullName(fn); name == "(*net/http.Request).WithContext" || name == "(*net/http.Request).Clone" {
			if v := unsentVar(api.Receiver(info, call)); v != nil {
				c.rebound[v] = true
			}
			return
		}
	}
	var unsent []*types.Var
	for _, a := range call.Args {
		if v := unsentVar(a); v != nil {
			unsent = append(unsent, v)
		}
	}
	if len(unsent) == 0 {
		return
	}
	for _, a := range call.Args {
		if api.IsContextLike(api.TypeOf(info, a)) {
			for _, v := range unsent {
				c.rebound[v] = true
			}
			return
		}
	}
}

// freshContextFlow returns the variable the value at the top of stack is
// stored in — directly (ctx := context.Background()) or through a
// context.WithX derivation (ctx, cancel := context.WithTimeout(context.Background(), d)) —
// and whether the store is a plain assignment (=) rather than a declaration.
func freshContextFlow(info *types.Info, stack []ast.Node) (*types.Var, bool) {
	lhs, tok := flowTarget(info, stack)
	if id, ok := lhs.(*ast.Ident); ok {
		v, _ := info.ObjectOf(id).(*types.Var)
		return v, tok == token.ASSIGN
	}
	return nil, false
}

// flowTarget returns the expression the value at the top of stack (or a
// context derived from it by context.WithX) is stored into — the left-hand
// side of an assignment or declaration, or the key of a composite literal
// element — and the assignment's token, or nil.
func flowTarget(info *types.Info, stack []ast.Node) (ast.Expr, token.Token) {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.CallExpr:
			if argIndex(p, e) == 0 && isContextDerivation(info, p) {
				e = p
				continue
			}
		case *ast.AssignStmt:
			return assignedExpr(p.Lhs, p.Rhs, e), p.Tok
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(p.Names))
			for j, n := range p.Names {
				names[j] = n
			}
			return assignedExpr(names, p.Values, e), token.DEFINE
		case *ast.KeyValueExpr:
			if p.Value == e && i > 0 {
				if _, ok := stack[i-1].(*ast.CompositeLit); ok && literalKept(stack[:i]) {
					return p.Key, token.ILLEGAL
				}
			}
		}
		return nil, token.ILLEGAL
	}
	return nil, token.ILLEGAL
}

func assignedExpr(lhs, rhs []ast.Expr, e ast.Node) ast.Expr {
	idx := -1
	for i, r := range rhs {
		if r == e {
			idx = i
		}
	}
	if idx < 0 || len(rhs) != 1 && len(rhs) != len(lhs) || idx >= len(lhs) {
		return nil
	}
	return ast.Unparen(lhs[idx])
}

// literalKept reports whether the composite literal at the top of stack is
// kept as a component — returned, assigned, declared, or nested in such a
// literal — rather than passed to a call or sent on a channel as a message
// (queue <- Job{Ctx: ...}), whose context should carry the trace.
func literalKept(stack []ast.Node) bool {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return false
			}
			e = p
		case *ast.KeyValueExpr:
			if p.Value != e {
				return false
			}
			e = p
		case *ast.CompositeLit:
			e = p
		case *ast.ReturnStmt, *ast.ValueSpec:
			return true
		case *ast.AssignStmt:
			for _, r := range p.Rhs {
				if r == e {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// storedForLater reports whether the fresh context at the top of stack is
// kept beyond the function — in a struct field (s.ctx, cancel =
// context.WithCancel(context.Background()); &Svc{ctx: ...}) or a package
// variable — as the lifetime context of a long-lived component, which
// rightly starts its own traces.
func storedForLater(info *types.Info, stack []ast.Node) bool {
	lhs, tok := flowTarget(info, stack)
	switch x := lhs.(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal
		}
		v, ok := info.ObjectOf(x.Sel).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.Ident:
		if tok == token.ILLEGAL {
			return true // a struct literal's field key
		}
		v, ok := info.ObjectOf(x).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// noteStoredContexts records context variables that an assignment or a
// composite literal keeps beyond the function (ix.ctx = lctx;
// &Indexer{ctx: lctx}): a fresh root stored in them is a component's
// lifetime context (see storedForLater).
func (c *collector) noteStoredContexts(n ast.Node) {
	info := c.pass.TypesInfo
	note := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && api.IsContextLike(v.Type()) {
				c.stored[v] = true
			}
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					note(n.Rhs[i])
				}
			}
		}
	case *ast.CompositeLit:
		if t := api.TypeOf(info, n); t == nil || !isStructType(t) {
			return
		}
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				note(kv.Value)
			}
		}
	}
}

// isStructType reports whether t is a struct or a pointer to one.
func isStructType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// pureRoot reports whether e is a fresh root context with nothing in it: a
// context.Background() or context.TODO() call, a variable holding one, or a
// context.WithX derivation of one.
func (c *collector) pureRoot(e ast.Expr) bool {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && c.pure[v]
	case *ast.CallExpr:
		if k := c.kindOf(api.Callee(info, x)); k == calleeFresh || k == calleeFreshWrapper {
			return true
		}
		return isContextDerivation(info, x) && len(x.Args) > 0 && c.pureRoot(x.Args[0])
	}
	return false
}

// notePureRoots tracks local context variables that hold a fresh root and
// nothing else (no span, no values from a caller): ctx, cancel :=
// context.WithTimeout(context.Background(), d). Any other assignment to
// the variable ends that.
func (c *collector) notePureRoots(lhs, rhs []ast.Expr) {
	info := c.pass.TypesInfo
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || !api.IsContextLike(v.Type()) {
			continue
		}
		var r ast.Expr
		switch {
		case len(rhs) == len(lhs):
			r = rhs[i]
		case len(rhs) == 1 && i == 0:
			r = rhs[0]
		}
		switch {
		case r == nil || !c.pureRoot(r):
			delete(c.pure, v)
		case info.Defs[id] == v:
			// Declared here holding a fresh root. (An assignment
			// keeps a variable empty but does not make it so: it may
			// run on one branch only, and parameters stay sources.)
			c.pure[v] = true
		}
	}
}

// isContextDerivation reports whether call is context.WithX(parent, ...).
func isContextDerivation(info *types.Info, call *ast.CallExpr) bool {
	fn := api.Callee(info, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" && strings.HasPrefix(fn.Name(), "With")
}

// detachesDeadline reports whether call derives a context with its own
// cancellation or deadline: context.WithTimeout, WithDeadline, WithCancel
// and their Cause variants.
func detachesDeadline(info *types.Info, call *ast.CallExpr) bool {
	if !isContextDerivation(info, call) {
		return false
	}
	switch strings.TrimSuffix(api.Callee(info, call).Name(), "Cause") {
	case "WithTimeout", "WithDeadline", "WithCancel":
		return true
	}
	return false
}

func inDefer(stack []ast.Node) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.DeferStmt); ok {
			return true
		}
	}
	return false
}

// insideNilContextCheck reports whether the top of stack lies in an if
// statement of the innermost function testing a context against nil: the
// defaulting idiom "if ctx == nil { ctx = context.Background() }".
func insideNilContextCheck(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
				if isNil(info, b.Y) && api.IsContextLike(api.TypeOf(info, b.X)) || isNil(info, b.X) && api.IsContextLike(api.TypeOf(info, b.Y)) {
					return true
				}
			}
		}
	}
	return false
}

// inNilBranch reports whether the top of stack lies where v is known to be
// nil: in the body of if v == nil, or the else of if v != nil, of the
// innermost function. There the context cannot be used (a nil context
// panics, r.Context() of a nil request too):
//
//	if ctx == nil {
//		return http.NewRequest(method, url, body)
//	}
//	return http.NewRequestWithContext(ctx, method, url, body)
func inNilBranch(info *types.Info, stack []ast.Node, v *types.Var) bool {
	if v == nil {
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
			if !ok || b.Op != token.EQL && b.Op != token.NEQ || !comparesToNil(info, b, v) {
				continue
			}
			if child := stack[i+1]; b.Op == token.EQL && child == n.Body || b.Op == token.NEQ && child == n.Else {
				return true
			}
		}
	}
	return false
}

// comparesToNil reports whether b compares the variable v with nil.
func comparesToNil(info *types.Info, b *ast.BinaryExpr, v *types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	return is(b.X) && isNil(info, b.Y) || isNil(info, b.X) && is(b.Y)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// inOnceInit reports whether the top of stack lies in a function literal
// run once for the whole process — (*sync.Once).Do, sync.OnceFunc,
// OnceValue, OnceValues — that does not declare src itself: one caller's
// context must not govern shared initialisation.
func inOnceInit(info *types.Info, stack []ast.Node, src *types.Var) bool {
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok || declaredIn(src, lit) {
			continue
		}
		if call, ok := stack[i-1].(*ast.CallExpr); ok && argIndex(call, lit) >= 0 {
			switch api.CalleeName(info, call) {
			case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
				return true
			}
		}
	}
	return false
}

func declaredIn(v *types.Var, n ast.Node) bool {
	return v != nil && n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// isGoArg reports whether the top of stack is an argument of the call of a
// go statement: go worker(context.Background()).
func isGoArg(stack []ast.Node, parent *ast.CallExpr, inParent bool) bool {
	if !inParent {
		return false
	}
	for i := len(stack) - 1; i > 0; i-- {
		if stack[i] == parent {
			g, ok := stack[i-1].(*ast.GoStmt)
			return ok && g.Call == parent
		}
	}
	return false
}

// startsGoroutine reports whether the top of stack lies in a function
// literal that runs on its own goroutine — go func() { ... }() or
// time.AfterFunc(d, func() { ... }) — and that captures src from outside.
func startsGoroutine(info *types.Info, stack []ast.Node, src *types.Var) bool {
	for i := len(stack) - 1; i > 1; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok || declaredIn(src, lit) {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok {
			continue
		}
		if g, ok := stack[i-2].(*ast.GoStmt); ok && g.Call == call && ast.Unparen(call.Fun) == lit {
			return true
		}
		if api.CalleeName(info, call) == "time.AfterFunc" && argIndex(call, lit) == 1 {
			return true
		}
	}
	return false
}

// loopAround returns the innermost for or range statement of the innermost
// function whose body contains the top of stack and which src is declared
// outside of, or nil.
func loopAround(stack []ast.Node, src *types.Var) ast.Node {
	top := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		var body *ast.BlockStmt
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.ForStmt:
			body = n.Body
		case *ast.RangeStmt:
			body = n.Body
		default:
			continue
		}
		if body.Pos() <= top.Pos() && top.End() <= body.End() && !declaredIn(src, stack[i]) {
			return stack[i]
		}
	}
	return nil
}

// insideTwin reports whether the call is made from the body of its own
// context-taking twin (func (c *C) GetContext(ctx, k) { ... c.Get(k) }),
// where the rewrite would recurse.
func insideTwin(info *types.Info, stack []ast.Node, cl api.CtxlessCall) bool {
	fd := lint.EnclosingFuncDecl(stack)
	if fd == nil || fd.Name.Name != cl.Twin {
		return false
	}
	def, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	sig, _ := cl.Func.Type().(*types.Signature)
	dsig, _ := def.Type().(*types.Signature)
	if sig == nil || dsig == nil || (sig.Recv() == nil) != (dsig.Recv() == nil) {
		return false
	}
	return def.Pkg() == cl.Func.Pkg()
}

// qualifier returns the spelling of the context package at a
// context.Background() call: "context." (or the import's alias), or "" for
// a dot import.
func qualifier(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "."
		}
	}
	return ""
}

func withoutCancel(qual, ctx string) string {
	return qual + "WithoutCancel(" + ctx + ")"
}

// contextQualifier returns how the file at the bottom of stack spells the
// context package, if it imports it.
func (c *collector) contextQualifier(stack []ast.Node) (string, bool) {
	file, ok := stack[0].(*ast.File)
	if !ok {
		return "", false
	}
	if q, ok := c.ctxImport[file]; ok {
		return q, q != "-"
	}
	q := "-"
	for _, imp := range file.Imports {
		if imp.Path.Value != `"context"` {
			continue
		}
		switch {
		case imp.Name == nil:
			q = "context."
		case imp.Name.Name == ".":
			q = ""
		case imp.Name.Name != "_":
			q = imp.Name.Name + "."
		}
	}
	c.ctxImport[file] = q
	return q, q != "-"
}

// goAtLeast reports whether the module's go directive (not a file's
// language version: it says which standard library the module builds with)
// is at least v, e.g. "go1.21" for context.WithoutCancel.
func (c *collector) goAtLeast(v string) bool {
	have := c.pass.Pkg.GoVersion()
	return v == "" || have == "" || version.Compare(have, v) >= 0
}
