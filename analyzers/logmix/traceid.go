package logmix

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

func reportManualTraceIDs(pass *analysis.Pass, r *lint.Reporter, u *usage) {
	if !u.spanIDCalls || !r.Enabled(checkTraceID) {
		return
	}
	info := pass.TypesInfo
	flow := traceFlow{vars: map[*types.Var]string{}, funcs: u.idFuncs}
	flow.followAssignments(info, u.assigns)
	emits := emittingFuncs(u.calls)
	for _, f := range u.fields {
		if f.backend || (f.file != nil && f.file.isBridge()) {
			continue
		}
		id, ok := flow.copiesSpanID(info, f.value)
		if !ok || !emits.contain(f.fn) || f.into != nil && u.ctxCarried[f.into] {
			continue
		}
		what := "trace id"
		if id == "SpanID" {
			what = "span id"
		}
		if f.inMsg {
			r.Reportf(checkTraceID, f.at, "%s formatted into the log message by hand: %s", what, traceAwareAdvice(f.lib))
			continue
		}
		key := "a log field"
		if k, ok := api.StringConst(info, f.key); ok {
			key = fmt.Sprintf("log field %q", k)
		}
		r.Reportf(checkTraceID, f.at, "%s copies the %s by hand: %s", key, what, traceAwareAdvice(f.lib))
	}
}

// traceAwareAdvice names the trace-aware logger for a library.
func traceAwareAdvice(lib api.LogLibrary) string {
	switch lib.Family() {
	case api.LibZap:
		return "log through otelzap (logger.Ctx(ctx).Info) or a go.opentelemetry.io/contrib/bridges/otelzap core, which add trace_id and span_id from the context"
	case api.LibSlog:
		return "log with the ...Context methods through a trace-aware handler such as go.opentelemetry.io/contrib/bridges/otelslog, which adds trace_id and span_id from the context"
	case api.LibLogrus:
		return "log with WithContext(ctx) through a trace-aware hook such as go.opentelemetry.io/contrib/bridges/otellogrus, which adds trace_id and span_id from the context"
	case api.LibZerolog:
		return "log with .Ctx(ctx) through a trace-aware hook such as go.opentelemetry.io/contrib/bridges/otelzerolog, which adds trace_id and span_id from the context"
	}
	return "use a trace-aware logger (otelzap, or slog with an otelslog handler) that adds trace_id and span_id from the context"
}

// traceFlow knows which variables and same-package functions carry a
// trace or span id.
type traceFlow struct {
	vars  map[*types.Var]string
	funcs map[*types.Func]string // helpers returning an id
}

// followAssignments marks the variables assigned a value derived from a
// span context's TraceID or SpanID, following assignments in source order.
func (fl traceFlow) followAssignments(info *types.Info, assigns []assignment) {
	for _, a := range assigns {
		if !canHoldID(a.lhs.Type()) {
			continue // a logger built with the id as a field, a context holding it
		}
		if id, ok := fl.copiesSpanID(info, a.rhs); ok {
			fl.vars[a.lhs] = id
		}
	}
}

// canHoldID reports whether a variable of type t can hold a copy of a
// trace or span id: a string or byte slice, the id types themselves, or an
// interface such a value can be stored in. A logger given the id as a
// field (logger = logger.With(zap.String("traceID", ...))), the context it
// is stored in and an error returned by a call given that context carry
// the id, if at all, inside something else: a log call that uses them does
// not copy it.
func canHoldID(t types.Type) bool {
	if api.IsStringOrBytes(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		return api.IsNamed(t, api.TracePath, "TraceID") || api.IsNamed(t, api.TracePath, "SpanID")
	case *types.Interface:
		return u.Empty()
	}
	return false
}

// copiesSpanID reports whether e computes its value from
// SpanContext().TraceID() or SpanID(): directly, via String(), a
// conversion or formatting, a variable holding one, or a same-package
// helper returning one.
func (fl traceFlow) copiesSpanID(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := api.SpanContextIDOf(info, n); ok {
				found = id
			} else if fn := api.Callee(info, n); fn != nil && fl.funcs[fn] != "" {
				found = fl.funcs[fn]
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && fl.vars[v] != "" {
				found = fl.vars[v]
			}
		}
		return found == ""
	})
	return found, found != ""
}

// funcSet is a set of functions, by their declaration or literal.
type funcSet map[ast.Node]bool

// emittingFuncs returns the functions that emit log records themselves:
// those with a log call in their body, including in the function literals
// nested in it.
func emittingFuncs(calls []*logCall) funcSet {
	set := funcSet{}
	for _, c := range calls {
		set[c.fn] = true
	}
	return set
}

// contain reports whether fn emits a log record: it holds a log call, or
// a function literal nested in it does. A trace id copied into a field in
// a function that emits nothing itself (a logger factory's For(ctx), a
// logging interceptor building the fields of every request, a handler
// wrapper adding attributes to every record) is the one place that adds
// it for the whole service: the trace-aware logger the advice asks for,
// written by hand. Copies next to the log calls that use them are the
// scattered ones that drift and get forgotten.
func (s funcSet) contain(fn ast.Node) bool {
	if fn == nil {
		return false
	}
	if s[fn] {
		return true
	}
	for g := range s {
		if g != nil && fn.Pos() <= g.Pos() && g.End() <= fn.End() {
			return true
		}
	}
	return false
}

// derivedLoggerVar returns the local that the With derivation holding the
// field call at the top of stack is assigned to (logger =
// logger.With(zap.String("traceID", id))), or nil.
func derivedLoggerVar(info *types.Info, stack []ast.Node, field *ast.CallExpr) *types.Var {
	i := len(stack) - 1
	if i >= 0 && stack[i] == field {
		i--
	}
	if i < 1 {
		return nil
	}
	with, ok := stack[i].(*ast.CallExpr)
	if !ok || lint.ArgIndex(with, field) < 0 {
		return nil
	}
	sel, ok := ast.Unparen(with.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "With" {
		return nil
	}
	as, ok := stack[i-1].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != with {
		return nil
	}
	return lint.IdentVar(info, as.Lhs[0])
}

// noteContextCarriers records the locals handed to a call that returns a
// context (ctx = logging.WithLogger(ctx, logger)): a logger given the
// trace id once and stored in the context is what every call below logs
// with, the one place that adds it (see reportManualTraceIDs).
func (u *usage) noteContextCarriers(info *types.Info, call *ast.CallExpr) {
	if !api.IsContext(api.TypeOf(info, call)) {
		return
	}
	for _, a := range call.Args {
		if v := lint.IdentVar(info, a); v != nil && !api.IsContext(v.Type()) {
			if u.ctxCarried == nil {
				u.ctxCarried = map[*types.Var]bool{}
			}
			u.ctxCarried[v] = true
		}
	}
}
