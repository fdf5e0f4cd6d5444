package spanend

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

const noopPath = "go.opentelemetry.io/otel/trace/noop"

// noopStart reports whether a span start is statically a noop tracer's: its
// receiver has type noop.Tracer, or is the Tracer of a noop.TracerProvider
// (noop.NewTracerProvider().Tracer(name), a provider variable of that type,
// or trace.NewNoopTracerProvider()). A noop span records nothing and holds
// nothing, so it cannot leak: tests start them to put a span context into a
// context and never end them.
func (c *checker) noopStart(s api.SpanStart) bool {
	sel, ok := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	if !ok || s.Configured {
		return false
	}
	recv := ast.Unparen(sel.X)
	if isNoopType(api.TypeOf(c.info, recv), "Tracer") {
		return true
	}
	call, ok := recv.(*ast.CallExpr)
	if !ok {
		return false
	}
	psel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || psel.Sel.Name != "Tracer" {
		return false
	}
	provider := ast.Unparen(psel.X)
	if isNoopType(api.TypeOf(c.info, provider), "TracerProvider") {
		return true
	}
	if pc, ok := provider.(*ast.CallExpr); ok {
		return api.CalleeName(c.info, pc) == api.TracePath+".NewNoopTracerProvider"
	}
	return false
}

// isNoopType reports whether t is noop.<name> or a pointer to it.
func isNoopType(t types.Type, name string) bool {
	return api.IsNamed(t, noopPath, name) || api.IsPointerTo(t, noopPath, name)
}
