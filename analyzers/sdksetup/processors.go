package sdksetup

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// What a provider holds back: Shutdown matters only for a provider whose
// readers or processors buffer telemetry.

// pullReaderOption is the option adding a metric reader; the other SDK
// options that add a reader or processor make the provider buffer.
const pullReaderOption = api.SDKMetricPath + ".WithReader"

var bufferingOptions = map[string]bool{
	api.SDKTracePath + ".WithBatcher":       true,
	api.SDKTracePath + ".WithSyncer":        true,
	api.SDKTracePath + ".WithSpanProcessor": true,
	pullReaderOption:                        true,
	api.SDKLogPath + ".WithProcessor":       true,
}

// buffersNothing reports whether the provider built by the constructor
// call at cur holds nothing that Shutdown would export: each of its
// readers and processors is visible and holds nothing back — a pulled
// reader (the Prometheus exporter: a scrape reads the current state, and
// an exporter's own state dies with the process) or a processor exporting
// each span or record as it ends (sdktrace.WithSyncer(exp), a simple
// processor, directly, through a local, or wrapped by a processor of the
// package's own that is given nothing else to export with). A provider
// with no reader or processor at all exports nothing: a meter or logger
// provider can be given them only by its constructor, a tracer provider
// also by RegisterSpanProcessor, which the function must not call. Any
// option that adds a batching processor or another reader, or options
// that cannot be read, make it buffer.
func (c *checker) buffersNothing(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	if call.Ellipsis.IsValid() {
		return false
	}
	readers := 0
	for _, arg := range call.Args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			return false // options from a variable: unknown
		}
		fn := api.Callee(c.info, opt)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch path := fn.Pkg().Path(); {
		case path != api.SDKTracePath && path != api.SDKMetricPath && path != api.SDKLogPath:
			return false
		case !bufferingOptions[api.FullName(fn)]:
			continue // resource, sampler, view, limits
		case c.exportsOnEnd(cur, opt, fn):
			readers++ // a syncer exports each span as it ends: nothing waits
			continue
		case api.FullName(fn) != pullReaderOption || len(opt.Args) != 1 || !api.IsPullReader(api.TypeOf(c.info, opt.Args[0])):
			return false
		}
		readers++
	}
	if readers > 0 {
		return true
	}
	switch api.FullName(api.Callee(c.info, call)) {
	case api.SDKMetricPath + ".NewMeterProvider", api.SDKLogPath + ".NewLoggerProvider":
		// Built as a no-op (to switch an instrumentation's signal off):
		// readers and processors can only be given to the constructor.
		return true
	case api.SDKTracePath + ".NewTracerProvider":
		return !c.registersProcessor(cur)
	}
	return false
}

// registersProcessor reports whether the function around cur calls
// RegisterSpanProcessor of a tracer provider: a provider built without a
// processor may get one there.
func (c *checker) registersProcessor(cur inspector.Cursor) bool {
	fn, ok := outermostFunc(cur)
	if !ok {
		return true // a package-level provider: anyone may register
	}
	for sc := range fn.Preorder((*ast.SelectorExpr)(nil)) {
		sel := sc.Node().(*ast.SelectorExpr)
		if sel.Sel.Name != "RegisterSpanProcessor" {
			continue
		}
		if m, ok := c.info.Uses[sel.Sel].(*types.Func); ok && m.Pkg() != nil && m.Pkg().Path() == api.SDKTracePath {
			return true
		}
	}
	return false
}

// exportsOnEnd reports whether opt, an option of fn, adds a processor that
// exports each span or record as it ends: sdktrace.WithSyncer(exp), or
// WithSpanProcessor / sdklog.WithProcessor given a simple processor.
func (c *checker) exportsOnEnd(cur inspector.Cursor, opt *ast.CallExpr, fn *types.Func) bool {
	if _, sync := api.SyncExportOf(fn); sync {
		return true // sdktrace.WithSyncer
	}
	switch api.FullName(fn) {
	case api.SDKTracePath + ".WithSpanProcessor", api.SDKLogPath + ".WithProcessor":
		return len(opt.Args) == 1 && c.simpleProcessor(cur, opt.Args[0], fn.Pkg(), 3)
	}
	return false
}

// simpleProcessor reports whether e is a processor exporting each item as
// it ends: a simple processor's constructor, a local assigned only such
// processors, or a processor of this package's own built from them — a
// call of a function of the package given at least one simple processor
// and no exporter (with an exporter it could batch by itself). sdk is the
// SDK package of the option, whose exporter interface is looked up.
func (c *checker) simpleProcessor(cur inspector.Cursor, e ast.Expr, sdk *types.Package, depth int) bool {
	if depth == 0 {
		return false
	}
	if v := c.localVar(e); v != nil {
		fn, ok := outermostFunc(cur)
		if !ok {
			return false
		}
		values, complete := c.assignedValues(fn, v)
		if !complete || len(values) == 0 {
			return false
		}
		for _, val := range values {
			if !c.simpleProcessor(cur, val, sdk, depth-1) {
				return false
			}
		}
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	callee := api.Callee(c.info, call)
	if callee == nil {
		return false
	}
	if _, sync := api.SyncExportOf(callee); sync {
		return true // NewSimpleSpanProcessor, sdklog.NewSimpleProcessor
	}
	if callee.Pkg() != c.pass.Pkg || call.Ellipsis.IsValid() {
		return false
	}
	exporter := exporterInterface(sdk)
	simple := 0
	for _, a := range call.Args {
		if t := api.TypeOf(c.info, a); exporter == nil || t == nil || types.Implements(t, exporter) {
			return false
		}
		if c.simpleProcessor(cur, a, sdk, depth-1) {
			simple++
		}
	}
	return simple > 0
}

// exporterInterface returns the exporter interface of the trace or log
// SDK package.
func exporterInterface(sdk *types.Package) *types.Interface {
	name := "SpanExporter"
	if sdk.Path() == api.SDKLogPath {
		name = "Exporter"
	}
	tn, ok := sdk.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	it, _ := tn.Type().Underlying().(*types.Interface)
	return it
}
