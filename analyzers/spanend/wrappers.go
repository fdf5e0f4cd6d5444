package spanend

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// spanStartOf reports whether call starts a span: a Tracer's Start or a
// configured start function (api.SpanStartOf), or a same-package wrapper
// whose every return hands back a span it started (or nil), such as
//
//	func (s *Service) startSpan(ctx context.Context, name string) (context.Context, trace.Span) {
//		return s.tracer.Start(ctx, name, trace.WithAttributes(s.attrs...))
//	}
//
// The caller of such a wrapper owns the span exactly as if it had called
// Start itself.
func (c *checker) spanStartOf(call *ast.CallExpr) (api.SpanStart, bool) {
	if s, ok := api.SpanStartOf(c.info, call); ok {
		return s, true
	}
	fn := api.Callee(c.info, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return api.SpanStart{}, false
	}
	w, ok := c.wrapperOf(fn)
	if !ok {
		return api.SpanStart{}, false
	}
	s := w
	s.Call = call
	return s, true
}

// wrapperOf decides (once per function) whether the same-package function fn
// is a span-start wrapper, and describes its results.
func (c *checker) wrapperOf(fn *types.Func) (api.SpanStart, bool) {
	if w, ok := c.wrappers[fn]; ok {
		return w.start, w.ok
	}
	c.wrappers[fn] = wrapperInfo{} // recursion guard: not a wrapper while deciding
	w := c.decideWrapper(fn)
	c.wrappers[fn] = w
	return w.start, w.ok
}

type wrapperInfo struct {
	start api.SpanStart
	ok    bool
}

func (c *checker) decideWrapper(fn *types.Func) wrapperInfo {
	decl, ok := c.decls[fn]
	if !ok {
		return wrapperInfo{}
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return wrapperInfo{}
	}
	s := api.SpanStart{Func: fn, CtxResult: -1, SpanResult: -1, NameArg: -1}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		switch {
		case api.IsContext(t) && s.CtxResult < 0:
			s.CtxResult = i
		case api.IsNamed(t, api.TracePath, "Span") && s.SpanResult < 0:
			s.SpanResult = i
		}
	}
	if s.SpanResult < 0 {
		return wrapperInfo{}
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			s.NameArg = i
			break
		}
	}
	// Variables of the body assigned the span of a start.
	startedHere := map[types.Object]bool{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Rhs) != 1 {
				return true
			}
			if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
				if st, ok := c.spanStartOf(call); ok && st.SpanResult < len(n.Lhs) {
					if id, ok := n.Lhs[st.SpanResult].(*ast.Ident); ok {
						if obj := c.info.ObjectOf(id); obj != nil {
							startedHere[obj] = true
						}
					}
				}
			}
		}
		return true
	})
	var namedSpan types.Object
	if res := sig.Results(); res.At(s.SpanResult).Name() != "" {
		namedSpan = res.At(s.SpanResult)
	}
	returnsStart, otherReturn := false, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if otherReturn {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0:
				if namedSpan != nil && startedHere[namedSpan] {
					returnsStart = true
				} else {
					otherReturn = true
				}
			case len(n.Results) == 1 && sig.Results().Len() > 1:
				call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr)
				if st, isStart := c.spanStartOf(call); ok && isStart && st.SpanResult == s.SpanResult {
					returnsStart = true
				} else {
					otherReturn = true
				}
			case s.SpanResult < len(n.Results):
				r := ast.Unparen(n.Results[s.SpanResult])
				if id, ok := r.(*ast.Ident); ok && startedHere[c.info.ObjectOf(id)] {
					returnsStart = true
				} else if !api.IsNil(c.info, r) {
					otherReturn = true
				}
			default:
				otherReturn = true
			}
		}
		return true
	})
	if !returnsStart || otherReturn || c.endsAny(decl.Body, startedHere) {
		return wrapperInfo{}
	}
	return wrapperInfo{start: s, ok: true}
}

// endsAny reports whether body calls End on one of the variables vars.
func (c *checker) endsAny(body ast.Node, vars map[types.Object]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if recv, method, ok := api.SpanMethodCall(c.info, call); ok && method == "End" {
				if id, ok := ast.Unparen(recv).(*ast.Ident); ok && vars[c.info.ObjectOf(id)] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
