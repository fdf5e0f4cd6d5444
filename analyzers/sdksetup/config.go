package sdksetup

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// maxDepth bounds how deep fullSampler follows variables and same-package
// helpers.
const maxDepth = 4

// reportSyncExport reports a synchronous exporter or processor, with a fix
// renaming it to its batching twin when that is always safe.
func (c *checker) reportSyncExport(cur inspector.Cursor, call *ast.CallExpr, s api.SyncExport) {
	written := types.ExprString(call.Fun)
	id := api.CalleeIdent(call.Fun)
	if id == nil {
		return
	}
	batch := written[:len(written)-len(id.Name)] + s.Batch
	d := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: written + " exports each " + s.Item + " synchronously, blocking the goroutine that " +
			s.Produced + " it until the exporter returns; use " + batch + " outside tests",
	}
	if s.SameShape || len(call.Args) == 1 && c.passedAsInterface(cur) {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "use " + s.Batch,
			TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte(s.Batch)}},
		}}
	}
	c.r.Report(checkSyncExport, d)
}

// passedAsInterface reports whether the call at cur is an argument of a
// call whose parameter has an interface type (sdklog.WithProcessor), so
// that replacing it with a call returning another concrete type compiles.
func (c *checker) passedAsInterface(cur inspector.Cursor) bool {
	kind, i := cur.ParentEdge()
	if kind != edge.CallExpr_Args {
		return false
	}
	outer := cur.Parent().Node().(*ast.CallExpr)
	sig, ok := types.Unalias(api.TypeOf(c.info, outer.Fun)).(*types.Signature)
	if !ok || outer.Ellipsis.IsValid() {
		return false
	}
	var param types.Type
	switch n := sig.Params().Len(); {
	case sig.Variadic() && i >= n-1:
		if sl, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			param = sl.Elem()
		}
	case i < n:
		param = sig.Params().At(i).Type()
	}
	return param != nil && types.IsInterface(param)
}

// checkSampler reports sdktrace.WithSampler given a sampler that samples
// every trace.
func (c *checker) checkSampler(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	fn, ok := outermostFunc(cur)
	if !ok {
		return // package-level option: the variable may be changed anywhere
	}
	arg := call.Args[0]
	if !c.fullSampler(fn, arg, 0) || c.chosenByCondition(cur) {
		return
	}
	c.r.Reportf(checkFullSampling, arg,
		"sampler %s keeps every trace (100%% sampling) and overrides OTEL_TRACES_SAMPLER; "+
			"leave WithSampler out so the SDK reads OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, "+
			"or build the sampler from configuration", types.ExprString(arg))
}

// chosenByCondition reports whether the sampler or processor call at cur
// is one branch of a choice made at run time, typically by configuration:
// it lies in a switch or select case, in an if statement that has an else,
// or in an if statement (without else) that adds the option to a provider
// built outside it, as in
//
//	if cfg.Debug {
//		opts = append(opts, sdktrace.WithSampler(sdktrace.AlwaysSample()))
//	}
//	if processor.Simple != nil {
//		return sdktrace.NewSimpleSpanProcessor(exp), nil
//	}
//
// A function literal inside the branch (a factory chosen by the case) is
// part of the branch. An if statement that builds the whole provider with
// the option inside it (if tracingEnabled { tp := NewTracerProvider(...) })
// still hard-codes it. The author chose the other branch's behaviour for
// that configuration value: the finding, and above all its fix, would
// override the choice.
func (c *checker) chosenByCondition(cur inspector.Cursor) bool {
	inProvider := false
	for n := range cur.Enclosing() {
		switch n := n.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.CaseClause, *ast.CommClause:
			return true
		case *ast.CallExpr:
			inProvider = inProvider || api.IsProviderConstructor(api.Callee(c.info, n))
		case *ast.IfStmt:
			if n.Else != nil || !inProvider {
				if k := cursorEdgeInto(cur, n); k == edge.IfStmt_Body || k == edge.IfStmt_Else {
					return true
				}
			}
		}
	}
	return false
}

// cursorEdgeInto returns the edge by which the path from cur up to its
// ancestor node anc enters anc.
func cursorEdgeInto(cur inspector.Cursor, anc ast.Node) edge.Kind {
	for ; cur.Node() != nil; cur = cur.Parent() {
		if cur.Parent().Node() == anc {
			return cur.ParentEdgeKind()
		}
	}
	return edge.Invalid
}

// fullSampler reports whether e, in function fn, is a sampler that samples
// every trace: sdktrace.AlwaysSample(), TraceIDRatioBased(r) with a
// constant r >= 1, ParentBased of either; a local variable only ever
// assigned such samplers; or a call of a same-package helper whose every
// return is one.
func (c *checker) fullSampler(fn inspector.Cursor, e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.allValues(fn, e, func(v ast.Expr) bool { return c.fullSampler(fn, v, depth+1) })
	case *ast.CallExpr:
		callee := api.Callee(c.info, e)
		if kind, ok := api.SamplerFuncOf(callee); ok {
			switch kind {
			case api.SamplerAlways:
				return true
			case api.SamplerRatio:
				return len(e.Args) == 1 && c.allValues(fn, e.Args[0], func(v ast.Expr) bool { return api.RatioAtLeastOne(c.info, v) })
			case api.SamplerParentBased:
				return len(e.Args) >= 1 && !e.Ellipsis.IsValid() && c.fullSampler(fn, e.Args[0], depth)
			}
			return false
		}
		return c.helperReturnsFullSampler(callee, depth+1)
	}
	return false
}

// allValues reports whether pred holds for e, or, when e is a local
// variable, for every value it is assigned.
func (c *checker) allValues(fn inspector.Cursor, e ast.Expr, pred func(ast.Expr) bool) bool {
	v := c.localVar(e)
	if v == nil {
		return pred(e)
	}
	values, complete := c.assignedValues(fn, v)
	if !complete {
		return false
	}
	for _, val := range values {
		if !pred(val) {
			return false
		}
	}
	return true
}

// helperReturnsFullSampler reports whether fn is a same-package function
// whose every return statement returns a full sampler.
func (c *checker) helperReturnsFullSampler(fn *types.Func, depth int) bool {
	decl := c.funcDecl(fn)
	if decl == nil || decl.Body == nil || fn.Type().(*types.Signature).Results().Len() != 1 {
		return false
	}
	root, ok := c.in.Root().FindNode(decl)
	if !ok {
		return false
	}
	returns := 0
	all := true
	root.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(cur inspector.Cursor) bool {
		ret, isRet := cur.Node().(*ast.ReturnStmt)
		if !isRet {
			return false // a closure's returns are not the helper's
		}
		returns++
		if len(ret.Results) != 1 || !c.fullSampler(root, ret.Results[0], depth) {
			all = false
		}
		return false
	})
	return all && returns > 0
}

// funcDecl returns the declaration of a same-package function.
func (c *checker) funcDecl(fn *types.Func) *ast.FuncDecl {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return nil
	}
	if c.decls == nil {
		c.decls = map[*types.Func]*ast.FuncDecl{}
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					if obj, ok := c.info.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
	}
	return c.decls[fn]
}

// checkServiceName reports an explicit resource that carries no
// service.name and reads none from the environment.
func (c *checker) checkServiceName(cur inspector.Cursor, call *ast.CallExpr, rc api.ResourceConstructor) {
	if !c.lacksServiceName(call, rc) || c.isMerged(cur) {
		return
	}
	fix := "resource.WithFromEnv() to read OTEL_SERVICE_NAME"
	if !rc.Options {
		fix = "merge it with resource.Default(), which reads OTEL_SERVICE_NAME"
	}
	c.r.Reportf(checkServiceName, call,
		"resource built here has no service.name, so backends cannot tell which service sent its telemetry; "+
			"add semconv.ServiceName(...) to its attributes, or %s", fix)
}

// lacksServiceName reports whether the resource call certainly carries no
// service.name: every option and attribute is known, and none names the
// service or reads it from the environment or a detector.
func (c *checker) lacksServiceName(call *ast.CallExpr, rc api.ResourceConstructor) bool {
	if call.Ellipsis.IsValid() || len(call.Args) < rc.First {
		return false
	}
	args := call.Args[rc.First:]
	if !rc.Options {
		return c.attributesLackServiceName(args)
	}
	for _, arg := range args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			return false // an option from a variable: unknown
		}
		switch api.ResourceOptionOf(api.Callee(c.info, opt)) {
		case api.OptionNeutral:
		case api.OptionAttributes:
			if opt.Ellipsis.IsValid() || !c.attributesLackServiceName(opt.Args) {
				return false
			}
		default:
			return false // WithFromEnv, WithDetectors, or unknown
		}
	}
	return true
}

func (c *checker) attributesLackServiceName(attrs []ast.Expr) bool {
	for _, a := range attrs {
		key, ok := api.KeyOfAttribute(c.info, a)
		if !ok || key == api.ServiceNameKey {
			return false
		}
	}
	return true
}

// isMerged reports whether the resource built at cur is merged with another
// one (resource.Merge(resource.Default(), res)), which may carry the name.
func (c *checker) isMerged(cur inspector.Cursor) bool {
	if c.isMergeArg(cur) {
		return true
	}
	fn, ok := outermostFunc(cur)
	if !ok {
		return true // a package-level resource: its uses are not followed
	}
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	var lhs ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if cur.ParentEdgeKind() == edge.AssignStmt_Rhs && len(p.Rhs) == 1 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if cur.ParentEdgeKind() == edge.ValueSpec_Values && len(p.Values) == 1 {
			lhs = p.Names[0]
		}
	}
	v := c.localVar(lhs)
	if v == nil {
		return false
	}
	for _, occ := range c.occurrences(fn, v) {
		if c.isMergeArg(occ) {
			return true
		}
	}
	return false
}

func (c *checker) isMergeArg(cur inspector.Cursor) bool {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	return api.IsResourceMerge(api.Callee(c.info, cur.Parent().Node().(*ast.CallExpr)))
}
