package api

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"testing"
)

// traceSources are minimal copies of the OpenTelemetry trace API under their
// real import paths: the matchers look at package paths, names and method
// sets only.
var traceSources = map[string]string{
	"context": `package context
type Context interface{ Done() <-chan struct{} }`,
	"go.opentelemetry.io/otel/codes": `package codes
type Code uint32
const (
	Unset Code = 0
	Error Code = 1
	Ok    Code = 2
)`,
	"go.opentelemetry.io/otel/trace": `package trace
import ("context"; "go.opentelemetry.io/otel/codes")
type SpanStartOption interface{ applySpanStart() }
type SpanEndOption interface{ applySpanEnd() }
type EventOption interface{ applyEvent() }
type Span interface {
	End(options ...SpanEndOption)
	AddEvent(name string, options ...EventOption)
	IsRecording() bool
	RecordError(err error, options ...EventOption)
	SetStatus(code codes.Code, description string)
	SetName(name string)
}
type Tracer interface {
	Start(ctx context.Context, spanName string, opts ...SpanStartOption) (context.Context, Span)
}
func SpanFromContext(ctx context.Context) Span { return nil }`,
	"go.opentelemetry.io/otel": `package otel
import "go.opentelemetry.io/otel/trace"
func Tracer(name string) trace.Tracer { return nil }`,
	"go.opentelemetry.io/otel/trace/noop": `package noop
import ("context"; "go.opentelemetry.io/otel/codes"; "go.opentelemetry.io/otel/trace")
type Span struct{}
func (Span) End(...trace.SpanEndOption) {}
func (Span) AddEvent(string, ...trace.EventOption) {}
func (Span) IsRecording() bool { return false }
func (Span) RecordError(error, ...trace.EventOption) {}
func (Span) SetStatus(codes.Code, string) {}
func (Span) SetName(string) {}
type Tracer struct{}
func (Tracer) Start(ctx context.Context, _ string, _ ...trace.SpanStartOption) (context.Context, trace.Span) { return ctx, Span{} }`,
	"example.com/tracing": `package tracing
import ("context"; "go.opentelemetry.io/otel/trace")
func StartSpan(ctx context.Context, name string) (context.Context, trace.Span) { return nil, nil }
func Begin(name string, ctx context.Context) trace.Span { return nil }
func Annotate(ctx context.Context, name string) context.Context { return ctx }`,
}

const traceUser = `package p
import (
	"context"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	tr "go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
	"example.com/tracing"
)
type svc struct{ tracer tr.Tracer }
type embedded struct{ tr.Tracer }
type watch struct{}
func (watch) Start(ctx context.Context, name string) (context.Context, func()) { return ctx, nil }
func generic[T tr.Tracer](t T, ctx context.Context) { t.Start(ctx, "type-param") }
func f(ctx context.Context, s svc, e embedded, n noop.Tracer, w watch, code codes.Code) {
	s.tracer.Start(ctx, "field")
	e.Start(ctx, "embedded")
	otel.Tracer("x").Start(ctx, "global")
	n.Start(ctx, "noop")
	w.Start(ctx, "watch")
	tracing.StartSpan(ctx, "wrapper")
	tracing.Begin("begin", ctx)
	tracing.Annotate(ctx, "annotate")
	sp := tr.SpanFromContext(ctx)
	sp.SetStatus(codes.Error, "error")
	sp.SetStatus(codes.Ok, "ok")
	sp.SetStatus(code, "variable")
	sp.SetStatus(1, "untyped")
}
`

// traceCalls type-checks traceUser and returns its calls keyed by their
// first string-literal argument.
func traceCalls(t *testing.T) (*types.Info, map[string]*ast.CallExpr) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", traceUser, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Importer: newFakeImporter(fset, traceSources, nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	calls := map[string]*ast.CallExpr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			for _, a := range call.Args {
				if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					calls[s] = call
				}
			}
		}
		return true
	})
	return info, calls
}

func TestSpanStartOf(t *testing.T) {
	info, calls := traceCalls(t)
	for name, want := range map[string]bool{
		"field": true, "embedded": true, "global": true, "noop": true, "type-param": true,
		"watch": false, "wrapper": false, "begin": false, "annotate": false,
	} {
		s, got := SpanStartOf(info, calls[name])
		if got != want {
			t.Errorf("SpanStartOf(%s) = %v, want %v", name, got, want)
			continue
		}
		if got && (s.CtxResult != 0 || s.SpanResult != 1 || s.NameArg != 1 || s.Configured) {
			t.Errorf("SpanStartOf(%s) = %+v, want ctx 0, span 1, name 1, not configured", name, s)
		}
	}

	// Configured wrappers are starts too, and Tracer.Start stays one.
	if err := Config.StartFuncs.Set(`example\.com/tracing\.(StartSpan|Begin)`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = Config.StartFuncs.Set("") })
	s, ok := SpanStartOf(info, calls["wrapper"])
	if !ok || !s.Configured || s.CtxResult != 0 || s.SpanResult != 1 || s.NameArg != 1 {
		t.Errorf("SpanStartOf(wrapper) with start-funcs = %+v, %v", s, ok)
	}
	s, ok = SpanStartOf(info, calls["begin"])
	if !ok || s.CtxResult != -1 || s.SpanResult != 0 || s.NameArg != 0 {
		t.Errorf("SpanStartOf(begin) with start-funcs = %+v, %v; want span 0, no ctx, name 0", s, ok)
	}
	if _, ok := SpanStartOf(info, calls["field"]); !ok {
		t.Error("configuring start-funcs dropped Tracer.Start")
	}
	if err := Config.StartFuncs.Set(`example\.com/tracing\.Annotate`); err != nil {
		t.Fatal(err)
	}
	if _, ok := SpanStartOf(info, calls["annotate"]); ok {
		t.Error("a configured function that returns no span is a span start")
	}
}

func TestStatusCodes(t *testing.T) {
	info, calls := traceCalls(t)
	for name, want := range map[string]bool{"error": true, "ok": false, "variable": true, "untyped": true} {
		if got := MaySetErrorStatus(info, calls[name]); got != want {
			t.Errorf("MaySetErrorStatus(%s) = %v, want %v", name, got, want)
		}
	}
	if v, ok := StatusCode(info, calls["ok"].Args[0]); !ok || v != 2 {
		t.Errorf("StatusCode(codes.Ok) = %d, %v; want 2, true", v, ok)
	}
	// An untyped constant is converted to codes.Code by the call.
	if v, ok := StatusCode(info, calls["untyped"].Args[0]); !ok || v != CodesError {
		t.Errorf("StatusCode(1) = %d, %v; want 1, true", v, ok)
	}
}

func TestSpanFromContextArg(t *testing.T) {
	info, calls := traceCalls(t)
	sp := calls["error"] // sp.SetStatus: the receiver is a SpanFromContext variable
	recv, method, ok := SpanMethodCall(info, sp)
	if !ok || method != "SetStatus" {
		t.Fatalf("SpanMethodCall = %v, %q, %v", recv, method, ok)
	}
	var sfc *ast.CallExpr
	for e := range info.Types {
		if call, ok := e.(*ast.CallExpr); ok && IsSpanFromContext(info, call) {
			sfc = call
		}
	}
	if sfc == nil || SpanFromContextArg(info, sfc) == nil {
		t.Fatal("SpanFromContextArg found no context argument")
	}
	if SpanFromContextArg(info, calls["global"]) != nil {
		t.Error("SpanFromContextArg(otel.Tracer(..).Start(..)) != nil")
	}
	if !IsSpan(TypeOf(info, recv)) {
		t.Error("IsSpan(trace.Span) = false")
	}
}
