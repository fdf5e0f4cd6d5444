package sdksetup

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// source is a call that yields a provider its caller owns: an SDK
// constructor, or a same-package factory that returns one.
type source struct {
	cur    inspector.Cursor // the call
	result int              // the provider's index among the call's results
	via    *types.Func      // the factory; nil for an SDK constructor
	prov   api.Provider
	test   bool
}

// factoryKey names a same-package function returning, as its result-th
// result, a provider it created and did not shut down.
type factoryKey struct {
	fn     *types.Func
	result int
}

// reportUnshutProviders reports the providers nobody shuts down. A provider
// returned by a same-package function makes that function a factory, and
// its callers the owners; the factories are found by propagating from the
// SDK constructors until no new one appears.
func (c *checker) reportUnshutProviders() {
	var work []source
	for _, s := range c.providers {
		if !c.buffersNothing(s.cur) {
			work = append(work, s)
		}
	}
	factories := map[factoryKey]bool{}
	for i := 0; i < len(work); i++ {
		s := work[i]
		o := c.ownershipOf(s)
		switch {
		case o.handled:
		case o.factory.fn != nil:
			if factories[o.factory] {
				continue
			}
			factories[o.factory] = true
			prov, _ := api.SDKProvider(o.factory.fn.Type().(*types.Signature).Results().At(o.factory.result).Type())
			for _, lc := range c.local[o.factory.fn] {
				work = append(work, source{cur: lc.cur, result: o.factory.result, via: o.factory.fn, prov: prov, test: lc.test})
			}
		case !s.test:
			c.reportUnshut(s, o)
		}
	}
}

func (c *checker) reportUnshut(s source, o *ownership) {
	what := s.prov.Kind + " provider created here"
	if s.via != nil {
		what = s.prov.Kind + " provider returned by " + s.via.Name()
	}
	hint := "keep it in a variable and defer its Shutdown(ctx)"
	if len(o.names) > 0 {
		hint = "defer " + o.names[0] + ".Shutdown(ctx)"
	}
	c.r.Reportf(checkShutdown, s.cur.Node(),
		"%s is never shut down, so %s still buffered at exit are lost; %s with a timeout context, or return a shutdown func to the caller",
		what, s.prov.Signal, hint)
}

// ownership is what a function does with a provider it owns.
type ownership struct {
	c  *checker
	fn inspector.Cursor // outermost function: where its local variables live
	// handled: Shutdown is called or referenced (deferred, in a closure, as
	// a method value appended to shutdown funcs), or the provider escapes to
	// code that may shut it down (stored in a field, global, element or
	// struct; sent; passed to a function that is not a known borrower;
	// returned by a closure or as another type).
	handled bool
	// factory is set when the provider is returned as is by a function
	// declaration, whose callers then own it.
	factory factoryKey
	names   []string // local variables holding it, for the message
	seen    map[*types.Var]bool
	queue   []*types.Var
}

// ownershipOf follows the provider of s through the local variables of its
// function.
func (c *checker) ownershipOf(s source) *ownership {
	o := &ownership{c: c, seen: map[*types.Var]bool{}}
	fn, ok := outermostFunc(s.cur)
	if !ok {
		o.handled = true // package-level initialiser: a global owns it
		return o
	}
	o.fn = fn
	o.flow(s.cur, s.result)
	o.followVars()
	return o
}

// followVars follows the provider through the uses of the local variables
// it was stored in, until it is handled or there is nothing left to follow.
func (o *ownership) followVars() {
	for len(o.queue) > 0 && !o.handled {
		v := o.queue[0]
		o.queue = o.queue[1:]
		for _, occ := range o.c.occurrences(o.fn, v) {
			if o.c.info.Uses[occ.Node().(*ast.Ident)] != v {
				continue // the declaration
			}
			if o.flow(occ, 0); o.handled {
				break
			}
		}
	}
}

// borrowKey names a parameter of a same-package function.
type borrowKey struct {
	fn    *types.Func
	param int
}

// localBorrower reports whether the i-th argument of call goes to a
// same-package function that only borrows it: its body neither shuts the
// parameter down nor lets it escape (a helper that installs the provider
// globally, or builds instrumentation with it).
func (c *checker) localBorrower(fn *types.Func, call *ast.CallExpr, i int) bool {
	decl := c.funcDecl(fn)
	if decl == nil || decl.Body == nil || call.Ellipsis.IsValid() {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
		return false
	}
	key := borrowKey{fn, i}
	if b, ok := c.borrowers[key]; ok {
		return b
	}
	c.borrowers[key] = false // recursion: assume it takes ownership
	param := sig.Params().At(i)
	borrows := true
	if param.Name() != "" && param.Name() != "_" {
		cur, ok := c.in.Root().FindNode(decl)
		if !ok {
			return false
		}
		o := &ownership{c: c, fn: cur, seen: map[*types.Var]bool{}}
		o.track(param)
		o.followVars()
		borrows = !o.handled && o.factory.fn == nil
	}
	c.borrowers[key] = borrows
	return borrows
}

// flow classifies where the provider value at cur goes; result is its index
// when cur is a multi-value call.
func (o *ownership) flow(cur inspector.Cursor, result int) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	kind, i := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch kind {
	case edge.ExprStmt_X, edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y:
		// dropped, overwritten, or compared with nil
	case edge.SelectorExpr_X:
		// tp.Shutdown(ctx), defer tp.Shutdown(ctx), append(fns, tp.Shutdown);
		// any other method (Tracer, Meter, ForceFlush) only uses it.
		if o.c.isShutdownMethod(parent.(*ast.SelectorExpr)) {
			o.handled = true
		}
	case edge.CallExpr_Args:
		call := parent.(*ast.CallExpr)
		if tv, ok := o.c.info.Types[call.Fun]; ok && tv.IsType() {
			o.flow(cur.Parent(), 0) // conversion to an interface
			return
		}
		callee := api.Callee(o.c.info, call)
		if !api.BorrowsProvider(callee) && !o.c.localBorrower(callee, call, i) {
			o.handled = true // handed over: a registry or helper may shut it down
		}
	case edge.AssignStmt_Rhs:
		as := parent.(*ast.AssignStmt)
		switch {
		case len(as.Lhs) == len(as.Rhs):
			o.store(as.Lhs[i])
		case len(as.Rhs) == 1 && result < len(as.Lhs):
			o.store(as.Lhs[result])
		default:
			o.handled = true
		}
	case edge.ValueSpec_Values:
		vs := parent.(*ast.ValueSpec)
		switch {
		case len(vs.Names) == len(vs.Values):
			o.store(vs.Names[i])
		case len(vs.Values) == 1 && result < len(vs.Names):
			o.store(vs.Names[result])
		default:
			o.handled = true
		}
	case edge.ReturnStmt_Results:
		o.returned(cur, parent.(*ast.ReturnStmt), i, result)
	case edge.TypeAssertExpr_X:
		o.flow(cur.Parent(), 0)
	default:
		// composite literal, channel send, &tp, ...: it escapes.
		o.handled = true
	}
}

// isShutdownMethod reports whether sel selects a Shutdown method (on the
// provider itself or an interface it was converted to).
func (c *checker) isShutdownMethod(sel *ast.SelectorExpr) bool {
	if sel.Sel.Name != "Shutdown" {
		return false
	}
	s, ok := c.info.Selections[sel]
	return ok && s.Kind() == types.MethodVal
}

// store follows the provider into the left-hand side lhs.
func (o *ownership) store(lhs ast.Expr) {
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if id.Name == "_" {
			return // dropped
		}
		if v := o.c.localVar(id); v != nil {
			o.track(v)
			return
		}
	}
	o.handled = true // field, global, map or slice element, through a pointer
}

func (o *ownership) track(v *types.Var) {
	if o.seen[v] {
		return
	}
	o.seen[v] = true
	o.names = append(o.names, v.Name())
	if fd, ok := o.fn.Node().(*ast.FuncDecl); ok {
		if fn, ok := o.c.info.Defs[fd.Name].(*types.Func); ok {
			res := fn.Type().(*types.Signature).Results()
			for i := 0; i < res.Len(); i++ {
				if res.At(i) == v {
					o.returnedAs(fn, i) // a named result
					return
				}
			}
		}
	}
	if o.c.isClosureResult(o.fn, v) {
		o.handled = true // a function literal's named result: returned by a closure
		return
	}
	o.queue = append(o.queue, v)
}

// isClosureResult reports whether v is a named result of a function literal
// inside fn.
func (c *checker) isClosureResult(fn inspector.Cursor, v *types.Var) bool {
	for _, occ := range c.occurrences(fn, v) {
		if c.info.Defs[occ.Node().(*ast.Ident)] != v || occ.ParentEdgeKind() != edge.Field_Names {
			continue
		}
		list := occ.Parent().Parent()
		return list.ParentEdgeKind() == edge.FuncType_Results && list.Parent().ParentEdgeKind() == edge.FuncLit_Type
	}
	return false
}

// returned handles a return statement giving back the provider as its i-th
// operand.
func (o *ownership) returned(cur inspector.Cursor, ret *ast.ReturnStmt, i, result int) {
	f, ok := innermostFunc(cur)
	if !ok {
		o.handled = true
		return
	}
	fd, isDecl := f.Node().(*ast.FuncDecl)
	if !isDecl {
		o.handled = true // returned by a closure: not followed
		return
	}
	fn, ok := o.c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		o.handled = true
		return
	}
	if len(ret.Results) == 1 && fn.Type().(*types.Signature).Results().Len() > 1 {
		i = result // return f()
	}
	o.returnedAs(fn, i)
}

// returnedAs records that fn returns the provider as its i-th result. A
// provider returned as another type (an interface without Shutdown, inside
// a struct) is not followed further.
func (o *ownership) returnedAs(fn *types.Func, i int) {
	res := fn.Type().(*types.Signature).Results()
	if i >= res.Len() {
		o.handled = true
		return
	}
	if _, ok := api.SDKProvider(res.At(i).Type()); !ok {
		o.handled = true
		return
	}
	o.factory = factoryKey{fn, i}
}
