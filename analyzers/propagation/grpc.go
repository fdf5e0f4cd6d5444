package propagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// reportGRPC reports gRPC client connections and servers built without a
// stats handler or interceptor, in a package that uses tracing.
func (c *checker) reportGRPC() {
	if len(c.grpcCalls) == 0 || !api.ImportsTracing(c.pass.Pkg) {
		return
	}
	for _, cur := range c.grpcCalls {
		call := cur.Node().(*ast.CallExpr)
		ctor, _ := api.GRPCConstructorOf(c.info, call)
		if !ctor.Server && c.dialsCollector {
			continue // the collector's connection: tracing it would trace the export
		}
		if ctor.Server && c.serversByConfig || !ctor.Server && c.clientsByConfig {
			continue // the configuration chooses which are traced, and this one is not among them
		}
		if !ctor.Server && !c.startsSpans && c.inCommandCode(cur) {
			continue // a command-line command's client: no span to carry
		}
		if !c.grpcOptionsUntraced(cur, call, ctor) {
			continue
		}
		check, d := checkClient, analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
		if ctor.Server {
			check = checkServer
			d.Message = "gRPC server built without an OpenTelemetry stats handler or interceptor: " +
				"the trace context of incoming calls is ignored and every call starts a new trace; " +
				"add grpc.StatsHandler(otelgrpc.NewServerHandler())"
		} else {
			d.Message = "gRPC client connection built without an OpenTelemetry stats handler or interceptor: " +
				"its calls carry no trace context and the server's spans start a new trace; " +
				"add grpc.WithStatsHandler(otelgrpc.NewClientHandler())"
		}
		if fix, ok := c.grpcFix(cur, call, ctor); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.r.Report(check, d)
	}
}

// grpcOptionsUntraced reports whether every option of a gRPC constructor
// call is visible and none of them may trace: a stats handler or an
// interceptor of any kind, or an option built by other code (a helper, a
// parameter), keeps the call quiet.
func (c *checker) grpcOptionsUntraced(cur inspector.Cursor, call *ast.CallExpr, ctor api.GRPCConstructor) bool {
	if len(call.Args) < ctor.FirstOpt {
		return false
	}
	opts := call.Args[ctor.FirstOpt:]
	if call.Ellipsis.IsValid() {
		if len(opts) != 1 {
			return false
		}
		elems, ok := c.optionSlice(cur, opts[0])
		if !ok {
			return false
		}
		opts = elems
	}
	for _, o := range opts {
		if api.GRPCOption(c.info, o) != api.GRPCOptPlain {
			return false
		}
	}
	return true
}

// optionSlice returns the elements of a local option slice built in the
// function with a composite literal and appends of it, or false when the
// slice is built, changed or handed out in a way the function does not show.
func (c *checker) optionSlice(cur inspector.Cursor, e ast.Expr) ([]ast.Expr, bool) {
	fnCur, ok := innermostFunc(cur)
	if !ok {
		return nil, false
	}
	v := localVar(c.info, fnCur.Node(), e)
	if v == nil {
		return nil, false
	}
	li := describeLocal(c.info, fnCur, v)
	var elems []ast.Expr
	for _, rhs := range li.assigned {
		switch r := ast.Unparen(rhs).(type) {
		case *ast.CompositeLit:
			elems = append(elems, r.Elts...)
		case *ast.CallExpr:
			// opts = append(opts, grpc.WithX(...))
			if id, ok := ast.Unparen(r.Fun).(*ast.Ident); !ok || id.Name != "append" || r.Ellipsis.IsValid() ||
				len(r.Args) == 0 || !api.Mentions(c.info, r.Args[0], v) {
				return nil, false
			}
			if _, isBuiltin := c.info.Uses[ast.Unparen(r.Fun).(*ast.Ident)].(*types.Builtin); !isBuiltin {
				return nil, false
			}
			elems = append(elems, r.Args[1:]...)
		default:
			return nil, false
		}
	}
	for _, u := range li.uses {
		if u.Node().Pos() == e.Pos() {
			continue
		}
		// The only other use allowed is as append's first argument.
		if call, ok := u.Parent().Node().(*ast.CallExpr); ok && len(call.Args) > 0 && call.Args[0] == u.Node() {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "append" {
				continue
			}
		}
		return nil, false
	}
	return elems, true
}

// grpcFix adds the otelgrpc stats handler option to the call, importing
// otelgrpc when the file does not. It is offered when the options are
// written out in the call and the package names are unambiguous.
func (c *checker) grpcFix(cur inspector.Cursor, call *ast.CallExpr, ctor api.GRPCConstructor) (analysis.SuggestedFix, bool) {
	if call.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	grpcID, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, ok := c.info.Uses[grpcID].(*types.PkgName); !ok {
		return analysis.SuggestedFix{}, false
	}
	file := enclosingFile(cur)
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	otelName, imported := importName(c.info, file, api.OtelGRPCPath)
	var edits []analysis.TextEdit
	if !imported {
		otelName = "otelgrpc"
		if c.nameTaken(file, otelName) {
			return analysis.SuggestedFix{}, false
		}
		edit, ok := addImport(file, api.OtelGRPCPath)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, edit)
	}
	opt := fmt.Sprintf("%s.WithStatsHandler(%s.NewClientHandler())", grpcID.Name, otelName)
	if ctor.Server {
		opt = fmt.Sprintf("%s.StatsHandler(%s.NewServerHandler())", grpcID.Name, otelName)
	}
	if len(call.Args) == 0 {
		edits = append(edits, analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(opt)})
	} else {
		last := call.Args[len(call.Args)-1]
		edits = append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + opt)})
	}
	return analysis.SuggestedFix{
		Message:   "add " + opt,
		TextEdits: edits,
	}, true
}

func enclosingFile(cur inspector.Cursor) *ast.File {
	for f := range cur.Enclosing((*ast.File)(nil)) {
		return f.Node().(*ast.File)
	}
	return nil
}

// importName returns the name under which file imports path.
func importName(info *types.Info, file *ast.File, path string) (string, bool) {
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return "", false
			}
			return imp.Name.Name, true
		}
		if pn, ok := info.Implicits[imp].(*types.PkgName); ok {
			return pn.Name(), true
		}
	}
	return "", false
}

// nameTaken reports whether name is declared in the package or file scope.
func (c *checker) nameTaken(file *ast.File, name string) bool {
	if c.pass.Pkg.Scope().Lookup(name) != nil {
		return true
	}
	if s := c.info.Scopes[file]; s != nil && s.Lookup(name) != nil {
		return true
	}
	return false
}

// addImport returns an edit adding an import of path to file's first
// import declaration.
func addImport(file *ast.File, path string) (analysis.TextEdit, bool) {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() && len(gd.Specs) > 0 {
			last := gd.Specs[len(gd.Specs)-1]
			return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + strconv.Quote(path))}, true
		}
		return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\n\nimport " + strconv.Quote(path))}, true
	}
	return analysis.TextEdit{}, false
}

// inCommandCode reports whether cur lies in the code of a command-line
// command (lint.CommandCode): a client it builds calls a server on behalf
// of a person at a terminal, and in a package that starts no span there is
// no trace for it to carry.
func (c *checker) inCommandCode(cur inspector.Cursor) bool {
	f, ok := innermostFunc(cur)
	return ok && c.command.Is(c.info, f.Node())
}
