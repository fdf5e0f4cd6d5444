package pii

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// collect walks the package once: it records every assignment to a
// variable and every return statement (for following values within
// functions and through same-package calls), the attribute sinks by
// context, and the calls and literals that may be sinks.
func (c *checker) collect(ins *inspector.Inspector) {
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.IfStmt)(nil), (*ast.IndexExpr)(nil)}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			c.recordAssign(n.Lhs, n.Rhs, n.Tok != token.ASSIGN && n.Tok != token.DEFINE, stack)
			if n.Tok == token.ASSIGN {
				c.noteFieldAssign(n.Lhs, n.Rhs)
			} else if n.Tok != token.DEFINE {
				c.noteFieldAssign(n.Lhs, nil) // x.f += v: not a constant
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.recordAssign(lhs, n.Values, false, stack)
		case *ast.RangeStmt:
			c.addAssign(c.localVar(n.Value), n.X, -1, false, stack)
		case *ast.FuncLit:
			c.funcLits = append(c.funcLits, span{n.Pos(), n.End()})
		case *ast.ReturnStmt:
			c.recordReturn(n, stack)
		case *ast.IfStmt:
			c.recordNilGuard(n, stack)
			c.recordFailureBranch(n)
		case *ast.CallExpr:
			c.noteFieldAddrs(n)
			fn := api.Callee(c.info, n)
			if fn == nil || c.skip(n) {
				return true
			}
			c.recordWrite(n, fn, stack)
			c.recordAttrContext(n, fn)
			c.noteSecretRefCall(n, fn)
			if mayBeSink(fn) || fn.Pkg() == c.pass.Pkg {
				c.addSink(n, stack)
			}
		case *ast.IndexExpr:
			c.noteSecretEntry(n)
		case *ast.CompositeLit:
			c.noteLiteral(n)
			if t := api.TypeOf(c.info, n); (api.IsLogFieldMap(t) || api.IsPromLabelsMap(t)) && !c.skip(n) {
				c.addSink(n, stack)
			}
		}
		return true
	})
}

// addSink records a possible sink, and files it under the declared
// function whose body holds it (not under a function literal), for the
// summaries of wrappers.
func (c *checker) addSink(n ast.Node, stack []ast.Node) {
	c.sinks = append(c.sinks, n)
	if c.inDebugDiagnostic(stack) {
		c.diagnostic[n] = true
	}
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return
		case *ast.FuncDecl:
			if fn, ok := c.info.Defs[f.Name].(*types.Func); ok {
				c.bodySinks[fn] = append(c.bodySinks[fn], n)
			}
			return
		}
	}
}

// localVar returns the variable an identifier on the left of an
// assignment denotes, or nil.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

func (c *checker) recordAssign(lhs, values []ast.Expr, appends bool, stack []ast.Node) {
	switch {
	case len(lhs) == len(values):
		for i, l := range lhs {
			c.addAssign(c.localVar(l), values[i], -1, appends, stack)
		}
	case len(values) == 1:
		for i, l := range lhs {
			c.addAssign(c.localVar(l), values[0], i, appends, stack)
		}
	}
}

// addAssign records that e (its idx'th result when idx ≥ 0) is assigned
// to v at the innermost node of stack.
func (c *checker) addAssign(v *types.Var, e ast.Expr, idx int, appends bool, stack []ast.Node) {
	if v == nil || len(stack) == 0 {
		return
	}
	r := rhs{e: e, idx: idx, pos: stack[len(stack)-1].Pos(), appends: appends}
	for i := len(stack) - 1; i >= 0; i-- {
		var list []ast.Stmt
		switch b := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			i = -1
			continue
		case *ast.BlockStmt:
			list = b.List
		case *ast.CaseClause:
			list = b.Body
		case *ast.CommClause:
			list = b.Body
		default:
			continue
		}
		if !r.home.pos.IsValid() {
			r.home = span{stack[i].Pos(), stack[i].End()}
		}
		if len(list) > 0 && c.terminates(list[len(list)-1]) {
			r.fences = append(r.fences, span{stack[i].Pos(), stack[i].End()})
		}
	}
	c.assigns[v] = append(c.assigns[v], r)
}

// recordReturn files a return statement under the declared function that
// contains it (returns of function literals are not followed).
func (c *checker) recordReturn(ret *ast.ReturnStmt, stack []ast.Node) {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return
		case *ast.FuncDecl:
			if fn, ok := c.info.Defs[f.Name].(*types.Func); ok {
				c.returns[fn] = append(c.returns[fn], ret)
			}
			return
		}
	}
}

// terminates reports whether s leaves the function: a return, a panic, or
// a call that never returns (os.Exit, log.Fatal, t.Fatal, a same-package
// function that always exits).
func (c *checker) terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if c.noReturn == nil {
				c.noReturn = lint.NewFlow(c.pass)
			}
			return !c.noReturn.MayReturn(call)
		}
	}
	return false
}

// recordWrite records writes into a strings.Builder or bytes.Buffer
// variable (sb.WriteString(x), fmt.Fprintf(&sb, ...)) as assignments to it.
func (c *checker) recordWrite(call *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	switch fn.Name() {
	case "WriteString", "Write", "WriteRune", "WriteByte", "Fprintf", "Fprint", "Fprintln":
	default:
		return
	}
	switch api.FullName(fn) {
	case "(*strings.Builder).WriteString", "(*strings.Builder).Write", "(*strings.Builder).WriteRune", "(*strings.Builder).WriteByte",
		"(*bytes.Buffer).WriteString", "(*bytes.Buffer).Write", "(*bytes.Buffer).WriteRune", "(*bytes.Buffer).WriteByte":
		if len(call.Args) == 1 {
			c.addAssign(c.bufferVar(api.Receiver(c.info, call)), call.Args[0], -1, true, stack)
		}
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln":
		if len(call.Args) > 0 {
			c.addAssign(c.bufferVar(call.Args[0]), call, -1, true, stack)
		}
	}
}

// bufferVar returns the strings.Builder or bytes.Buffer variable e denotes
// (b or &b), or nil.
func (c *checker) bufferVar(e ast.Expr) *types.Var {
	if e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	v := c.localVar(e)
	if v == nil {
		return nil
	}
	if t := v.Type(); api.IsNamed(t, "strings", "Builder") || api.IsNamed(t, "bytes", "Buffer") {
		return v
	}
	return nil
}

// recordAttrContext remembers which sink the attribute arguments of call
// feed: span attributes, span events, metric measurements.
func (c *checker) recordAttrContext(call *ast.CallExpr, fn *types.Func) {
	switch fn.Name() {
	case "SetAttributes", "WithAttributes", "WithAttributeSet", "NewSet":
	default:
		return
	}
	what := ""
	if _, m, ok := api.SpanMethodCall(c.info, call); ok && m == "SetAttributes" {
		what = "span attribute"
	} else {
		switch api.FullName(fn) {
		case api.TracePath + ".WithAttributes":
			what = "span attribute"
		case api.MetricPath + ".WithAttributes", api.MetricPath + ".WithAttributeSet":
			what = "metric attribute"
		case api.AttributePath + ".NewSet":
			what = c.attrCtx[call]
		}
	}
	if what == "" {
		return
	}
	for _, a := range call.Args {
		if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			c.attrCtx[inner] = what
		}
	}
}

// inDebugDiagnostic reports whether the top of stack lies in a debug or
// trace record (the innermost log call around it, itself included) or in
// a function or method whose name, or whose receiver type's name, says it
// is for debugging (debugDump, DebugTransport.RoundTrip).
func (c *checker) inDebugDiagnostic(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if fd, ok := stack[i].(*ast.FuncDecl); ok {
			if namedForDebugging(c.info, fd) {
				return true
			}
			break
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if call, ok := stack[i].(*ast.CallExpr); ok {
			if lc, ok := api.LogCallOf(c.info, call); ok {
				return api.IsDebugRecord(c.info, lc)
			}
		}
	}
	return false
}

// namedForDebugging reports whether fd's name or its receiver type's name
// contains the word debug.
func namedForDebugging(info *types.Info, fd *ast.FuncDecl) bool {
	if strings.Contains(strings.ToLower(fd.Name.Name), "debug") {
		return true
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := info.TypeOf(fd.Recv.List[0].Type)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && strings.Contains(strings.ToLower(named.Obj().Name()), "debug")
}
