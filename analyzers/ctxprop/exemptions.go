package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

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

// isLogCall reports whether call logs: a call of a known logging library,
// or a log-level function or method (Info, Errorf) whose twin takes a
// context (InfoContext) — a logging package of a framework's own. Whether
// a log call should carry its context is logmix's missing-context check,
// which asks for evidence of a trace; here it would be reported wherever a
// context is in scope.
func isLogCall(info *types.Info, call *ast.CallExpr, twin string) bool {
	if _, ok := api.LogCallOf(info, call); ok {
		return true
	}
	fn := api.Callee(info, call)
	return api.IsLevelMethod(fn) && twin == fn.Name()+"Context"
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
				if api.IsNil(info, b.Y) && api.IsContextLike(api.TypeOf(info, b.X)) || api.IsNil(info, b.X) && api.IsContextLike(api.TypeOf(info, b.Y)) {
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

// mayBeNil reports whether v may be nil at the top of stack: it is known
// nil there (inNilBranch), or the function tested it against nil earlier
// and carried on past the test either way — an if v != nil { ... } with no
// else whose body does not end the function, or an if v == nil { ... }
// that neither gives v a value nor ends the function. The function expects
// callers to pass nil (a caller without tracing yet), so v is no context
// to offer outside the guarded branch:
//
//	if ctx != nil { // FIXME: the hydrator passes nil
//		_, span := tracer.Start(ctx, "refresh")
//		defer span.End()
//	}
//	app, err := client.Get(context.Background(), name)
func (c *collector) mayBeNil(stack []ast.Node, v *types.Var) bool {
	info := c.pass.TypesInfo
	if inNilBranch(info, stack, v) {
		return true
	}
	if v == nil || len(stack) == 0 {
		return false
	}
	var body *ast.BlockStmt
	for i := len(stack) - 1; i >= 0 && body == nil; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
	}
	if body == nil {
		return false
	}
	use := stack[len(stack)-1]
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok || ifs.End() > use.Pos() || ifs.Init != nil {
			return true
		}
		b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || !comparesToNil(info, b, v) || c.leavesBlock(ifs.Body) {
			return true
		}
		switch {
		case b.Op == token.NEQ && ifs.Else == nil:
			found = true
		case b.Op == token.EQL && !lint.AssignsVar(info, ifs.Body, v):
			found = true
		}
		return true
	})
	return found
}

// leavesBlock reports whether a block ends by leaving: a return, a branch
// (continue, break, goto), or a call that never returns (panic, os.Exit,
// log.Fatal, a function of the package that always exits).
func (c *collector) leavesBlock(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if c.flow == nil {
			c.flow = lint.NewFlow(c.pass)
		}
		return !c.flow.MayReturn(call)
	}
	return false
}

// comparesToNil reports whether b compares the variable v with nil.
func comparesToNil(info *types.Info, b *ast.BinaryExpr, v *types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	return is(b.X) && api.IsNil(info, b.Y) || api.IsNil(info, b.X) && is(b.Y)
}

// inOnceInit reports whether the top of stack lies in a function literal
// run once for the whole process — (*sync.Once).Do, sync.OnceFunc,
// OnceValue, OnceValues — that does not declare src itself: one caller's
// context must not govern shared initialisation.
func inOnceInit(info *types.Info, stack []ast.Node, src *types.Var) bool {
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok || lint.DeclaredIn(src, lit) {
			continue
		}
		if call, ok := stack[i-1].(*ast.CallExpr); ok && lint.ArgIndex(call, lit) >= 0 {
			switch api.CalleeName(info, call) {
			case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
				return true
			}
		}
	}
	return false
}
