package ctxprop

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/lint"
)

// A function handed to another package's constructor (a function named
// New... that returns what it builds) is kept by the value built and run
// when that value needs it, for as long as it lives: a dial function given
// to a connection manager, the running function of a service
// (services.NewBasicService(nil, l.loop, l.stopping)). The context of the
// code that built the component is not the callback's context, and the
// context a component hands its running function is its own lifetime:
//
//	dial := func(network, addr string) (net.Conn, error) {
//		return net.Dial(network, addr) // not reported: ctx is not this dial's
//	}
//	go client.WriteLoop(ctx, conn.NewManager(dial, network, addr))
//
// A callback that serves a request it is given (a handler) still sees that
// request's context, and is checked against it.

// ctorKeeper is what a finding needs to be dropped once the walk has seen
// every constructor call: the function literals around it that capture
// the context at hand, with the locals they are bound to, and the declared
// function whose sole context parameter is that context.
type ctorKeeper struct {
	lits []*ast.FuncLit
	vars []*types.Var
	fn   *types.Func
}

// keeperOf returns what may keep the code at the top of stack, given src,
// the context at hand there.
func (c *collector) keeperOf(stack []ast.Node, src *types.Var) ctorKeeper {
	var k ctorKeeper
	if src == nil {
		return k
	}
	info := c.pass.TypesInfo
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok || lint.DeclaredIn(src, lit) {
			continue
		}
		k.lits = append(k.lits, lit)
		if v := boundLocal(info, stack[i-1], lit); v != nil {
			k.vars = append(k.vars, v)
		}
	}
	if fd := lint.EnclosingFuncDecl(stack); fd != nil {
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok && takesOnlyContext(fn, src) {
			k.fn = fn
		}
	}
	return k
}

// boundLocal returns the local a function literal is assigned to on its
// own (dial := func(...) {...}), or nil.
func boundLocal(info *types.Info, parent ast.Node, lit *ast.FuncLit) *types.Var {
	var lhs, rhs []ast.Expr
	switch p := parent.(type) {
	case *ast.AssignStmt:
		lhs, rhs = p.Lhs, p.Rhs
	case *ast.ValueSpec:
		for _, n := range p.Names {
			lhs = append(lhs, n)
		}
		rhs = p.Values
	}
	if len(lhs) != len(rhs) {
		return nil
	}
	for i, r := range rhs {
		if ast.Unparen(r) == lit {
			return lint.IdentVar(info, lhs[i])
		}
	}
	return nil
}

// takesOnlyContext reports whether fn's one parameter is the context src
// (func (l *Lifecycler) loop(ctx context.Context) error): what it is run
// with is all it gets, a component's lifetime when a constructor keeps it.
func takesOnlyContext(fn *types.Func, src *types.Var) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Params().At(0) == src
}

// noteConstructorArgs records the function values, literals and locals
// holding a literal that call hands to another package's constructor.
func (c *collector) noteConstructorArgs(call *ast.CallExpr, fn *types.Func) {
	if !isForeignConstructor(c.pass.Pkg, fn) {
		return
	}
	info := c.pass.TypesInfo
	for _, a := range call.Args {
		switch x := ast.Unparen(a).(type) {
		case *ast.FuncLit:
			c.ctorLits[x] = true
		case *ast.Ident:
			switch obj := info.Uses[x].(type) {
			case *types.Var:
				c.ctorVars[obj] = true
			case *types.Func:
				c.ctorFuncs[obj.Origin()] = true
			}
		case *ast.SelectorExpr:
			if f, ok := info.Uses[x.Sel].(*types.Func); ok {
				c.ctorFuncs[f.Origin()] = true // a method value: l.loop
			}
		}
	}
}

// isForeignConstructor reports whether fn is another package's function
// named New... that returns a value besides an error.
func isForeignConstructor(pkg *types.Package, fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == pkg || !strings.HasPrefix(fn.Name(), "New") {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if !types.Identical(sig.Results().At(i).Type(), errorType) {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

// keptByConstructor reports whether k places the finding in a function a
// constructor keeps: a literal handed to one, directly or through the
// local it is bound to, or a declared function whose only uses as a value
// are such hand-overs and which the package never calls itself.
func (c *collector) keptByConstructor(k ctorKeeper) bool {
	for _, lit := range k.lits {
		if c.ctorLits[lit] {
			return true
		}
	}
	for _, v := range k.vars {
		if c.ctorVars[v] {
			return true
		}
	}
	return k.fn != nil && c.ctorFuncs[k.fn] && !c.calledSync[k.fn] && !c.goStarted[k.fn]
}
