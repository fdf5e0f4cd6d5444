package spanend

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// checker holds the per-package state of the rule.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	r    *lint.Reporter
	flow *lint.Flow

	funcs map[ast.Node]*funcInfo
	order []*funcInfo
	decls map[*types.Func]*ast.FuncDecl // same-package function bodies
	// demo is set in a stdout demo program (api.IsStdoutDemo), where a
	// leaf span is what the program is for; computed only when leaf-span
	// is on.
	demo bool

	helperEnds   map[paramKey]bool
	helperBusy   map[paramKey]bool
	helperStatus map[paramKey]bool
	effects      map[effectKey]effect
	closureMemo  map[effectKey]effect
	bodies       map[*ast.BlockStmt]*graph
	usedAfterEnd map[token.Pos]bool
	started      map[*types.Var]bool // variables assigned a span start somewhere
	fromContext  map[*types.Var]bool // variables assigned trace.SpanFromContext(ctx)
	wrappers     map[*types.Func]wrapperInfo
	skipFiles    map[*ast.File]bool
	flagInfos    map[*ast.BlockStmt]*flagInfo
	funcLits     map[*types.Var]*ast.FuncLit // lazily: local variables assigned one function literal
	funcLitBusy  map[effectKey]bool
	callers      map[*types.Func][]*ast.BlockStmt // lazily: the bodies calling each function
	pure         map[*types.Func]int              // lazily: leaf-span's judgement of same-package functions
}

type paramKey struct {
	fn *types.Func
	i  int
}

type effectKey struct {
	n ast.Node
	v *types.Var
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass: pass, info: pass.TypesInfo,
		r:     lint.NewReporter(pass, "spanend", checks),
		flow:  lint.NewFlow(pass),
		funcs: map[ast.Node]*funcInfo{}, decls: map[*types.Func]*ast.FuncDecl{},
		helperEnds: map[paramKey]bool{}, helperBusy: map[paramKey]bool{}, helperStatus: map[paramKey]bool{},
		effects: map[effectKey]effect{}, closureMemo: map[effectKey]effect{},
		bodies: map[*ast.BlockStmt]*graph{}, usedAfterEnd: map[token.Pos]bool{},
		started: map[*types.Var]bool{}, fromContext: map[*types.Var]bool{}, wrappers: map[*types.Func]wrapperInfo{}, skipFiles: map[*ast.File]bool{},
		flagInfos: map[*ast.BlockStmt]*flagInfo{}, funcLitBusy: map[effectKey]bool{},
	}
	c.demo = c.r.Enabled(checkLeafSpan) && api.IsStdoutDemo(pass.Pkg)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
	return c
}

// effKind is what a piece of code does to a span variable. Larger kinds win
// when one node does several things; every kind from effEnd on means the
// span is taken care of on the path through the node.
type effKind int

const (
	effNone         effKind = iota
	effUse                  // a method call that does not end it, a nil comparison
	effReassign             // the variable is assigned a new value
	effPartialDefer         // a deferred function that ends it on some of its paths only
	effEnd                  // End, or a same-package helper that ends it
	effDeferEnd             // defer span.End(), or a deferred function ending it on every path
	effHandOff              // returned, stored, sent, captured by a closure that ends it, passed on
)

func (k effKind) handled() bool { return k >= effEnd }

type effect struct {
	kind effKind
	// restart is the span start that reassigns the variable (effReassign).
	restart *ast.CallExpr
	// at is the deferred function literal of effPartialDefer, and of an
	// effDeferEnd that reads the variable when it runs (byRef).
	at ast.Node
	// byRef marks an effDeferEnd by a deferred closure: it ends whatever
	// span the variable holds when the function returns, not the one it
	// holds now.
	byRef bool
	// guard is, for an effPartialDefer, the local boolean of the enclosing
	// function under which the deferred function ends the span on every
	// path (defer func() { if endSpan { span.End() } }()), or nil; guardOn
	// is the value it must have (false for if !handedOff { span.End() }).
	guard   *types.Var
	guardOn bool
}

func merge(a, b effect) effect {
	if b.kind > a.kind {
		return b
	}
	if b.kind == a.kind && a.restart == nil {
		a.restart = b.restart
	}
	return a
}

// effectOf returns what node n, a node of a control-flow graph or a whole
// body, does to the span variable v. bareReturnUses says whether a bare
// return hands v to the caller (v is a named result of the function).
func (c *checker) effectOf(n ast.Node, v *types.Var, bareReturnUses bool) effect {
	key := effectKey{n, v}
	if e, ok := c.effects[key]; ok {
		return e
	}
	var res effect
	var stack []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if lit, ok := x.(*ast.FuncLit); ok && x != n {
			res = merge(res, c.closureEffect(lit, append(stack, lit), v))
			return false
		}
		stack = append(stack, x)
		switch x := x.(type) {
		case *ast.Ident:
			if c.info.Uses[x] == v || c.info.Defs[x] == v {
				res = merge(res, c.identEffect(stack))
			}
		case *ast.ReturnStmt:
			if len(x.Results) == 0 && bareReturnUses {
				res = merge(res, effect{kind: effHandOff})
			}
		case *ast.CallExpr:
			res = merge(res, c.localFuncCallEffect(x, v))
		}
		return true
	})
	c.effects[key] = res
	return res
}

// localFuncCallEffect classifies a call of a local variable holding a
// function literal that ends the span (reset := func() { ...; span.End() };
// ...; reset()): the call ends it.
func (c *checker) localFuncCallEffect(call *ast.CallExpr, v *types.Var) effect {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return effect{}
	}
	fv, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return effect{}
	}
	lit := c.localFuncLit(fv)
	if lit == nil || lit.Pos() <= fv.Pos() {
		return effect{}
	}
	k := effectKey{lit, v}
	if c.funcLitBusy[k] {
		return effect{} // a literal that calls itself
	}
	c.funcLitBusy[k] = true
	e := c.effectOf(lit.Body, v, false)
	delete(c.funcLitBusy, k)
	if e.kind.handled() {
		return effect{kind: effEnd}
	}
	return effect{}
}

// localFuncLit returns the function literal a local variable is assigned,
// when that is its only assignment.
func (c *checker) localFuncLit(v *types.Var) *ast.FuncLit {
	if c.funcLits == nil {
		c.funcLits = map[*types.Var]*ast.FuncLit{}
		count := map[*types.Var]int{}
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok {
					return true
				}
				for i, l := range as.Lhs {
					lv := c.assignedVar(l)
					if lv == nil || lv.Parent() == c.pass.Pkg.Scope() {
						continue
					}
					count[lv]++
					if len(as.Rhs) == len(as.Lhs) {
						if lit, ok := ast.Unparen(as.Rhs[i]).(*ast.FuncLit); ok {
							c.funcLits[lv] = lit
						}
					}
				}
				return true
			})
		}
		for lv := range c.funcLits {
			if count[lv] != 1 {
				delete(c.funcLits, lv)
			}
		}
	}
	return c.funcLits[v]
}

// identEffect classifies one occurrence of the span variable: the last node
// of stack, whose other nodes are its ancestors within the node inspected.
func (c *checker) identEffect(stack []ast.Node) effect {
	id := stack[len(stack)-1]
	inReturn := false
	for _, anc := range stack {
		if _, ok := anc.(*ast.ReturnStmt); ok {
			inReturn = true
		}
	}
	i := len(stack) - 2
	for i >= 0 {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			break
		}
		i--
	}
	if i < 0 {
		return effect{kind: effUse}
	}
	child := ast.Node(id)
	if i+1 < len(stack) {
		child = stack[i+1]
	}
	at := func(j int) ast.Node {
		if j < 0 || j >= len(stack) {
			return nil
		}
		return stack[j]
	}
	switch p := stack[i].(type) {
	case *ast.SelectorExpr:
		if p.X != child {
			return effect{kind: effUse}
		}
		call, ok := at(i - 1).(*ast.CallExpr)
		if !ok || call.Fun != p {
			if sel, ok := c.info.Selections[p]; ok && sel.Kind() == types.FieldVal {
				return effect{kind: effUse} // a field of a concrete span type
			}
			return effect{kind: effHandOff} // a method value: f := span.End
		}
		if p.Sel.Name != "End" {
			return effect{kind: effUse}
		}
		if d, ok := at(i - 2).(*ast.DeferStmt); ok && d.Call == call {
			return effect{kind: effDeferEnd}
		}
		return effect{kind: effEnd}
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return effect{kind: effUse}
		}
	}
	if inReturn {
		// Returned to the caller: directly, in a struct, in a closure or
		// through a call of another package. A call of a same-package
		// helper is classified by the helper's body below.
		if call, ok := stack[i].(*ast.CallExpr); !ok || !(c.argIsLookedInto(call) || c.stdAnyArg(call, child)) {
			return effect{kind: effHandOff}
		}
	}
	switch p := stack[i].(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == child {
				e := effect{kind: effReassign}
				if len(p.Rhs) == 1 {
					if call, ok := ast.Unparen(p.Rhs[0]).(*ast.CallExpr); ok {
						if _, isStart := c.spanStartOf(call); isStart {
							e.restart = call
						}
					}
				}
				return e
			}
		}
	case *ast.ValueSpec:
		for _, name := range p.Names {
			if name == child {
				return effect{kind: effReassign}
			}
		}
	case *ast.CallExpr:
		for j, arg := range p.Args {
			if arg == child {
				deferred := false
				if d, ok := at(i - 1).(*ast.DeferStmt); ok && d.Call == p {
					deferred = true
				}
				return c.argEffect(p, j, deferred)
			}
		}
		if p.Fun == child {
			return effect{kind: effHandOff}
		}
	}
	return effect{kind: effHandOff}
}

// argIsLookedInto reports whether call is of a same-package function whose
// body argEffect reads.
func (c *checker) argIsLookedInto(call *ast.CallExpr) bool {
	_, ok := c.decls[api.Callee(c.info, call)]
	return ok
}

// argEffect classifies passing a span as argument i of call. A same-package
// helper is looked into: it ends the span when its body ends (or hands on)
// the parameter. A call into another package, or of a function value, is a
// hand-off: we cannot see what happens to the span there.
func (c *checker) argEffect(call *ast.CallExpr, i int, deferred bool) effect {
	fn := api.Callee(c.info, call)
	decl, ok := c.decls[fn]
	if fn == nil || !ok {
		if c.stdAnyParam(call, fn, i) {
			// fmt.Println(span), log.Printf("%v", span): a standard-library
			// function taking any formats or inspects the value; nothing
			// there ends a span.
			return effect{kind: effUse}
		}
		// A function value, builtin (append), conversion, interface method
		// or function of another package: the span is handed over.
		return effect{kind: effHandOff}
	}
	if !c.helperEndsParam(fn, decl, i) {
		return effect{kind: effUse}
	}
	if deferred {
		return effect{kind: effDeferEnd}
	}
	return effect{kind: effEnd}
}

// stdAnyArg reports whether child is an argument of call that goes to a
// standard-library parameter of type any (see stdAnyParam).
func (c *checker) stdAnyArg(call *ast.CallExpr, child ast.Node) bool {
	for j, arg := range call.Args {
		if arg == child {
			return c.stdAnyParam(call, api.Callee(c.info, call), j)
		}
	}
	return false
}

// stdAnyParam reports whether argument i of call goes to a parameter of
// type any (or ...any) of a standard-library function that cannot keep it:
// a package-level function (fmt.Println, fmt.Sprintf, json.Marshal) or a
// logger's method (log.Logger, slog.Logger), none of whose results can
// carry the value on (context.WithValue's context can, sync.Map.Store's
// receiver can: those are hand-offs).
func (c *checker) stdAnyParam(call *ast.CallExpr, fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() == nil || !isStdPath(fn.Pkg().Path()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return false
	}
	if sig.Recv() != nil {
		if _, isLog := api.LogCallOf(c.info, call); !isLog {
			return false
		}
	}
	for j := 0; j < sig.Results().Len(); j++ {
		r := sig.Results().At(j).Type()
		if _, basic := r.Underlying().(*types.Basic); basic || isError(r) {
			continue
		}
		if sl, ok := r.Underlying().(*types.Slice); ok {
			if b, ok := sl.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				continue
			}
		}
		return false
	}
	var t types.Type
	switch {
	case i < sig.Params().Len()-1 || (i == sig.Params().Len()-1 && !sig.Variadic()):
		t = sig.Params().At(i).Type()
	case sig.Variadic():
		if sl, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
			t = sl.Elem()
		}
	}
	if t == nil {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.Empty()
}

// isStdPath reports whether an import path is of the standard library: its
// first element has no dot.
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// paramVar returns the parameter of decl that receives argument i, or nil.
func (c *checker) paramVar(decl *ast.FuncDecl, fn *types.Func, i int) *types.Var {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return nil
	}
	if i >= sig.Params().Len() {
		if !sig.Variadic() {
			return nil
		}
		i = sig.Params().Len() - 1
	}
	k := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			if k == i {
				return nil
			}
			k++
			continue
		}
		for _, name := range field.Names {
			if k == i {
				v, _ := c.info.Defs[name].(*types.Var)
				return v
			}
			k++
		}
	}
	return nil
}

// helperEndsParam reports whether the same-package function fn ends (or
// hands on) the span it receives as argument i.
func (c *checker) helperEndsParam(fn *types.Func, decl *ast.FuncDecl, i int) bool {
	key := paramKey{fn, i}
	if v, ok := c.helperEnds[key]; ok {
		return v
	}
	if c.helperBusy[key] {
		return false // recursion: the outer call decides
	}
	p := c.paramVar(decl, fn, i)
	if p == nil {
		c.helperEnds[key] = false
		return false
	}
	c.helperBusy[key] = true
	e := c.effectOf(decl.Body, p, false)
	delete(c.helperBusy, key)
	ends := e.kind.handled() || e.kind == effPartialDefer
	c.helperEnds[key] = ends
	return ends
}

// closureEffect classifies a function literal that mentions the span: a
// deferred literal ends the span when it ends it on every path of its body;
// any other literal that ends or hands on the span takes it over (a goroutine,
// a callback, a returned cleanup func).
func (c *checker) closureEffect(lit *ast.FuncLit, stack []ast.Node, v *types.Var) effect {
	deferred := false
	if n := len(stack); n >= 3 {
		if call, ok := stack[n-2].(*ast.CallExpr); ok && call.Fun == lit {
			if d, ok := stack[n-3].(*ast.DeferStmt); ok && d.Call == call {
				deferred = true
			}
		}
	}
	key := effectKey{lit, v}
	if e, ok := c.closureMemo[key]; ok {
		return e
	}
	inner := c.effectOf(lit.Body, v, false)
	var res effect
	switch {
	case inner.kind == effNone:
	case inner.kind == effReassign:
		res = effect{kind: effHandOff} // the closure takes the variable over
	case deferred && (inner.kind.handled() || inner.kind == effPartialDefer):
		g := c.graphOf(lit.Body)
		if l := c.findLeak(leakQuery{g: g, body: lit.Body, v: v}); l == nil {
			res = effect{kind: effDeferEnd, byRef: true, at: lit}
		} else {
			res = effect{kind: effPartialDefer, at: lit}
			res.guard, res.guardOn = c.endGuard(lit, g, v)
		}
	case inner.kind.handled() || inner.kind == effPartialDefer:
		res = effect{kind: effHandOff}
	default:
		res = effect{kind: effUse}
	}
	c.closureMemo[key] = res
	return res
}

// endGuard returns the boolean variable declared outside lit under which
// the deferred literal lit ends v on every path — an if testing it, or its
// negation, in lit's body — and the value it must have, or nil.
func (c *checker) endGuard(lit *ast.FuncLit, g *graph, v *types.Var) (*types.Var, bool) {
	var guard *types.Var
	var cond ast.Expr
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if guard != nil {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			return true
		}
		e := ast.Unparen(ifs.Cond)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			e = ast.Unparen(u.X)
		}
		id, ok := e.(*ast.Ident)
		if !ok {
			return true
		}
		if b, ok := c.info.Uses[id].(*types.Var); ok && isBool(b.Type()) && !b.IsField() &&
			(b.Pos() < lit.Pos() || b.Pos() >= lit.End()) && b.Parent() != nil && b.Parent() != b.Pkg().Scope() {
			guard, cond = b, id
		}
		return true
	})
	if guard == nil {
		return nil, false
	}
	for _, on := range []bool{true, false} {
		if l := c.findLeak(leakQuery{g: g, body: lit.Body, v: v, assume: []assumption{{cond: cond, holds: on}}}); l == nil {
			return guard, on
		}
	}
	return nil, false
}

// localVar returns the local variable e denotes when it is declared inside
// fn's body or parameter list, else nil.
func localVar(info *types.Info, e ast.Expr, fi *funcInfo) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	if v.Pos() < fi.typ.Pos() || v.Pos() > fi.body.End() {
		return nil
	}
	return v
}

// isNamedResult reports whether v is a named result of fi.
func isNamedResult(info *types.Info, v *types.Var, fi *funcInfo) bool {
	if fi.typ == nil || fi.typ.Results == nil {
		return false
	}
	for _, f := range fi.typ.Results.List {
		for _, name := range f.Names {
			if info.Defs[name] == v {
				return true
			}
		}
	}
	return false
}
