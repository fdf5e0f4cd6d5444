package spanend

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// checkLeafSpan is the leaf-span check: a span around work that cannot
// block and calls nothing traced.
const checkLeafSpan = "leaf-span"

// purity states of same-package functions, memoised in checker.pure.
const (
	pureUnknown = iota
	pureBusy    // being judged: a recursive call is not known pure
	pureYes
	pureNo
)

// checkLeafSpanOf reports fi's span when everything else fi does is
// in-memory computation: no call takes a context, no channel operation, go
// statement, select or loop, and every call is a span method, an attribute
// or option constructor, a pure standard-library function or a
// same-package function that is pure by the same test.
func (c *checker) checkLeafSpanOf(fi *funcInfo) {
	if !c.r.Enabled(checkLeafSpan) || len(fi.starts) != 1 || len(fi.recordErrors) > 0 || c.demo {
		return
	}
	s := fi.starts[0]
	if s.inLoop || !c.spanStaysHere(fi, s) {
		return
	}
	if !c.bodyIsLeaf(fi.body, s.Call) {
		return
	}
	c.r.Reportf(checkLeafSpan, s.Call, "%s wraps only in-memory work that cannot block and calls nothing traced: it deepens every trace without showing where time goes; remove it and record what the function computes as an attribute or event on the caller's span",
		c.spanLabel(s.SpanStart))
}

// spanStaysHere reports whether the span and its context stay in the
// function: both bound to local variables (or discarded), the context
// never used, nothing of a context or span type returned, and no function
// literal that could carry them elsewhere.
func (c *checker) spanStaysHere(fi *funcInfo, s *startSite) bool {
	if _, ok := ast.Unparen(s.spanLHS).(*ast.Ident); !ok {
		return false
	}
	if s.ctxLHS != nil {
		id, ok := ast.Unparen(s.ctxLHS).(*ast.Ident)
		if !ok {
			return false
		}
		if id.Name != "_" {
			obj := c.info.ObjectOf(id)
			used := false
			ast.Inspect(fi.body, func(n ast.Node) bool {
				if n == s.Call {
					return false // the parent context given to the start
				}
				if x, ok := n.(*ast.Ident); ok && x != id && c.info.Uses[x] == obj {
					used = true
				}
				return !used
			})
			if used {
				return false
			}
		}
	}
	if fi.typ != nil && fi.typ.Results != nil {
		for _, f := range fi.typ.Results.List {
			t := api.TypeOf(c.info, f.Type)
			if api.IsContext(t) || api.IsSpan(t) {
				return false
			}
		}
	}
	return true
}

// bodyIsLeaf reports whether body, apart from the span start, does only
// in-memory work.
func (c *checker) bodyIsLeaf(body *ast.BlockStmt, start *ast.CallExpr) bool {
	leaf := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !leaf {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.SendStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
			leaf = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				leaf = false
			}
		case *ast.CallExpr:
			if n == start {
				// the start itself: its arguments still count
				for _, a := range n.Args {
					if !c.bodyIsLeafExpr(a) {
						leaf = false
					}
				}
				return false
			}
			if !c.callIsLeaf(n) {
				leaf = false
			}
		}
		return leaf
	})
	return leaf
}

func (c *checker) bodyIsLeafExpr(e ast.Expr) bool {
	leaf := true
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !c.callIsLeaf(call) {
			leaf = false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			leaf = false
		}
		return leaf
	})
	return leaf
}

// callIsLeaf reports whether one call does only in-memory work.
func (c *checker) callIsLeaf(call *ast.CallExpr) bool {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := c.info.Uses[id].(*types.Builtin); ok {
			return true // len, append, make, copy, delete, panic
		}
	}
	for _, a := range call.Args {
		if api.IsContextLike(api.TypeOf(c.info, a)) {
			return false // the span's context, or another, handed on
		}
	}
	if _, _, ok := api.SpanMethodCall(c.info, call); ok {
		return true
	}
	fn := api.Callee(c.info, call)
	if fn == nil {
		return false // a function value: unknown
	}
	if api.IsSpanDecoration(fn) || api.IsPureStd(fn) {
		return true
	}
	return c.samePackagePure(fn)
}

// samePackagePure reports whether fn is declared in this package (not an
// interface method) and its body is pure by the same test.
func (c *checker) samePackagePure(fn *types.Func) bool {
	decl, ok := c.decls[fn]
	if !ok || fn.Pkg() != c.pass.Pkg {
		return false
	}
	if c.pure == nil {
		c.pure = map[*types.Func]int{}
	}
	switch c.pure[fn] {
	case pureYes:
		return true
	case pureNo, pureBusy:
		return false
	}
	c.pure[fn] = pureBusy
	ok = c.bodyIsLeaf(decl.Body, nil)
	if ok {
		c.pure[fn] = pureYes
	} else {
		c.pure[fn] = pureNo
	}
	return ok
}
