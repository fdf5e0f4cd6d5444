package ctxprop

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// This file decides when a fresh root is an explicit trace boundary: the
// new trace is linked to the caller's, or the caller's trace is copied
// into it. Nothing is lost there; the author chose where the trace ends.

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

// copiesFrom reports whether call, given the fresh root as an argument,
// also takes the context at hand (src, or an expression reading it) and
// returns a context: tracing.CopyTraceContext(context.Background(), ctx),
// opentracing.ContextWithSpan(context.Background(), opentracing.SpanFromContext(ctx)).
// Such a helper copies the caller's trace (and whatever else it chooses)
// into a context detached from the caller's cancellation.
func copiesFrom(info *types.Info, call *ast.CallExpr, fresh ast.Node, src *types.Var) bool {
	if src == nil || !returnsContext(info, call) {
		return false
	}
	for _, a := range call.Args {
		if a != fresh && ast.Unparen(a) != fresh && api.Mentions(info, a, src) {
			return true
		}
	}
	return false
}

func returnsContext(info *types.Info, call *ast.CallExpr) bool {
	t := api.TypeOf(info, call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Results().Len() > 0 && api.IsContextLike(sig.Results().At(0).Type())
}

// linksCallerTrace reports whether the function declaration fd links the
// trace of src to another one explicitly: it reads src's span
// (trace.SpanFromContext, SpanContextFromContext or LinkFromContext of
// src), or puts a span into src itself (trace.ContextWithSpan(src, span)),
// and links spans or contexts (trace.WithLinks, a span's AddLink,
// trace.ContextWithSpan, ContextWithSpanContext, ContextWithRemoteSpanContext,
// a trace.Link literal). A fresh root there is a trace boundary its author
// drew on purpose — a batch whose span links to each request, background
// work whose span links back to its trigger, a shadow request put in the
// caller's trace.
func (c *collector) linksCallerTrace(fd *ast.FuncDecl, src *types.Var) bool {
	if fd == nil || fd.Body == nil || src == nil {
		return false
	}
	key := linkKey{fd, src}
	if v, ok := c.links[key]; ok {
		return v
	}
	info := c.pass.TypesInfo
	reads, links := false, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if api.IsNamed(api.TypeOf(info, n), api.TracePath, "Link") {
				links = true
			}
		case *ast.CallExpr:
			switch name := api.CalleeName(info, n); name {
			case api.TracePath + ".SpanFromContext", api.TracePath + ".SpanContextFromContext", api.TracePath + ".LinkFromContext":
				if len(n.Args) == 1 && api.Mentions(info, n.Args[0], src) {
					reads = true
				}
			case api.TracePath + ".WithLinks":
				links = true
			default:
				if linksTrace(info, n) && name != api.BaggagePath+".ContextWithBaggage" {
					// trace.ContextWithSpan(ctx, span) into src itself
					// reads and links at once.
					links = true
					reads = reads || len(n.Args) > 0 && api.Mentions(info, n.Args[0], src)
				} else if recv, method, ok := api.SpanMethodCall(info, n); ok && method == "AddLink" && recv != nil {
					links = true
				}
			}
		}
		return !(reads && links)
	})
	c.links[key] = reads && links
	return reads && links
}

type linkKey struct {
	fd  *ast.FuncDecl
	src *types.Var
}
