package ctxprop

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

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
	if isLogCall(info, call, cl.Twin) || inDefer(stack) || inCleanup(info, stack) || c.inKeptCallback(stack) || insideTwin(info, stack, cl) || givenContextInChain(info, stack) || keptChildProcess(info, stack) {
		return
	}
	src, ok := c.contextAt(stack, call.Pos())
	if !ok || c.inCallbackWithOwnContext(stack, src, ok) || c.mayBeNil(stack, src.Var) || c.pure[src.Var] {
		// The only context at hand is an empty root: no trace to lose,
		// and it is often one the code cancels on purpose.
		return
	}
	if c.parentDone(stack, src.Var) || c.detachmentComment(stack, call.Pos()) {
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
	f := finding{check: check, diag: analysis.Diagnostic{Pos: call.Pos(), End: call.End()}, src: src.Var, keeper: c.keeperOf(stack, src.Var)}
	if sig, ok := cl.Func.Type().(*types.Signature); ok && sig.Results().Len() > 0 && isUnsent(sig.Results().At(0).Type()) {
		f.request, _ = freshContextFlow(info, stack)
	}
	f.diag.Message, f.diag.SuggestedFixes = describeCtxless(cl, src, ctxText, fixable, c.qualifiedTwin(cl))
	c.findings = append(c.findings, f)
}

// isUnsent reports whether t is a value built to be sent or run later,
// which can still be given a context: *http.Request, *exec.Cmd.
func isUnsent(t types.Type) bool {
	return api.IsHTTPRequest(t) || api.IsPointerTo(t, "os/exec", "Cmd")
}

// keptChildProcess reports whether the exec.Command at the top of stack is
// kept in a struct field (s.proc = exec.Command(...), or a field of a kept
// literal): the component owns the child process and ends it by hand, so
// its lifetime is the component's, and CommandContext would kill it when
// the caller's context is done.
func keptChildProcess(info *types.Info, stack []ast.Node) bool {
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	if !ok || !api.IsPointerTo(api.TypeOf(info, call), "os/exec", "Cmd") {
		return false
	}
	lhs, _ := flowTarget(info, stack)
	switch l := lhs.(type) {
	case *ast.SelectorExpr:
		sel, ok := info.Selections[l]
		return ok && sel.Kind() == types.FieldVal
	case *ast.Ident:
		// The key of a kept composite literal's element: a field name.
		v, ok := info.Uses[l].(*types.Var)
		return ok && v.IsField()
	}
	return false
}

// noteReboundRequest records the requests and commands that get a context
// later: req in req.WithContext(ctx) and req.Clone(ctx), and a request or
// an *exec.Cmd handed to a call together with a context (client.Do(ctx,
// req), runCmd(ctx, cmd), whose callee attaches it).
func (c *collector) noteReboundRequest(call *ast.CallExpr, fn *types.Func) {
	info := c.pass.TypesInfo
	unsentVar := func(e ast.Expr) *types.Var {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok && isUnsent(v.Type()) {
				return v
			}
		case *ast.SelectorExpr:
			// s.req: a request the component keeps in a field.
			if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.IsField() && isUnsent(v.Type()) {
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

// noteRequestFields records the fields an unsent request or command local
// is stored in (s.req = req): the field is what the component sends
// later, and a context given then reaches the request too.
func (c *collector) noteRequestFields(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := c.pass.TypesInfo
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		field, ok := info.Uses[sel.Sel].(*types.Var)
		if !ok || !field.IsField() {
			continue
		}
		if v := lint.IdentVar(info, as.Rhs[i]); v != nil && isUnsent(v.Type()) {
			if c.requestFields == nil {
				c.requestFields = map[*types.Var][]*types.Var{}
			}
			c.requestFields[v] = append(c.requestFields[v], field)
		}
	}
}

// reboundLater reports whether the request or command v is given a
// context later: itself, or a field it is stored in (see
// noteReboundRequest).
func (c *collector) reboundLater(v *types.Var) bool {
	if v == nil {
		return false
	}
	if c.rebound[v] {
		return true
	}
	for _, f := range c.requestFields[v] {
		if c.rebound[f] {
			return true
		}
	}
	return false
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

// givenContextInChain reports whether the request built by the call at the
// top of stack is given a context in the same expression:
// httptest.NewRequest(...).WithContext(ctx), http.NewRequest(...).Clone(ctx).
func givenContextInChain(info *types.Info, stack []ast.Node) bool {
	var e ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i > 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.SelectorExpr:
			if p.X != e {
				return false
			}
			call, ok := stack[i-1].(*ast.CallExpr)
			if !ok || call.Fun != p {
				return false
			}
			switch api.CalleeName(info, call) {
			case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
				return true
			}
		}
		return false
	}
	return false
}
