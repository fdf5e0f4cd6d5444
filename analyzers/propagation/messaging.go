package propagation

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// reportProducers reports messages published, with a context in scope, by a
// package that never injects trace context into message headers.
func (c *checker) reportProducers() {
	if len(c.producers) == 0 || !api.ImportsTransitively(c.pass.Pkg, api.TracePath) ||
		api.ImportsMessagingInstrumentation(c.pass.Pkg) {
		return
	}
	for _, cur := range c.producers {
		var p api.Producer
		var at ast.Node
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			p, _ = api.ProducerOf(c.info, n)
			at = n
		case *ast.SendStmt:
			p = api.Producer{System: api.SysKafka, Hookable: true}
			at = n
		}
		if isSetUp(c.pass.Pkg, cur) {
			continue
		}
		ctx, ok := api.ContextAt(c.pass.Pkg, c.info, enclosingFuncs(cur), at.Pos())
		if !ok || ctx.Opaque {
			continue
		}
		if c.injects {
			continue // it may carry the trace context in headers, or in the body for Conn.Publish
		}
		if c.publishesEnvelope(cur) {
			continue // the body is an envelope with a carrier field set by other code
		}
		if p.NoHeaders {
			c.silentSystems[p.System] = true
			c.r.Reportf(checkInject, at,
				"%s message published with Conn.%s, which cannot carry headers, while %s is in scope: the trace context is lost "+
					"and the subscriber's spans start a new trace; use %s with a nats.Header and "+
					"otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(msg.Header))",
				p.System, api.CalleeIdent(at.(*ast.CallExpr).Fun).Name, ctx.Describe(), p.Instead)
			continue
		}
		if p.Hookable && !c.buildsClients {
			continue
		}
		c.silentSystems[p.System] = true
		c.r.Reportf(checkInject, at,
			"%s message published while %s is in scope, but this package never injects trace context into message headers: "+
				"the consumer's spans start a new trace; call otel.GetTextMapPropagator().Inject(ctx, carrier) over the message's headers before publishing",
			p.System, ctx.Describe())
	}
}

// reportConsumers reports spans started while handling a received message
// from a context that was not extracted from the message.
func (c *checker) reportConsumers() {
	if c.extracts || api.ImportsMessagingInstrumentation(c.pass.Pkg) {
		return
	}
	for _, cur := range c.spanStarts {
		call := cur.Node().(*ast.CallExpr)
		start, _ := api.SpanStartOf(c.info, call)
		if start.Configured || len(call.Args) == 0 || c.linksSpans(call) {
			continue
		}
		msg, kind, ok := c.receivedMessageInScope(cur, call.Pos())
		if !ok || c.silentSystems[kind.System] {
			continue
		}
		if c.ctxDerivedFrom(cur, call.Args[0], msg) {
			continue
		}
		carrier := kind.Carrier
		c.r.Reportf(checkExtract, call,
			"span started while handling %s message %s from a context not extracted from its headers: the consumer's span starts a new trace "+
				"instead of continuing the producer's; start it from otel.GetTextMapPropagator().Extract(ctx, "+carrier+")",
			kind.System, msg.Name(), msg.Name())
	}
}

// linksSpans reports whether the start call passes trace.WithLinks (the
// messaging conventions' choice for batch consumers).
func (c *checker) linksSpans(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		found := false
		ast.Inspect(a, func(n ast.Node) bool {
			if inner, ok := n.(*ast.CallExpr); ok {
				switch api.CalleeName(c.info, inner) {
				case "go.opentelemetry.io/otel/trace.WithLinks", "go.opentelemetry.io/otel/trace.LinkFromContext":
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// receivedMessageInScope returns the innermost variable in scope at pos
// that holds a received message: a parameter or local of a consumer's
// message type that the function does not build (composite literal,
// nats.NewMsg) and does not publish.
func (c *checker) receivedMessageInScope(cur inspector.Cursor, pos token.Pos) (*types.Var, api.ReceivedMessage, bool) {
	fnCur, ok := innermostFunc(cur)
	if !ok {
		return nil, api.ReceivedMessage{}, false
	}
	outer := fnCur
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = f
	}
	scope := c.pass.Pkg.Scope().Innermost(pos)
	for s := scope; s != nil && s != c.pass.Pkg.Scope(); s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || v.Pos() >= pos {
				continue
			}
			kind, ok := api.ReceivedMessageOf(v.Type())
			if !ok {
				continue
			}
			if c.builtOrPublished(outer, v) {
				continue
			}
			return v, kind, true
		}
	}
	return nil, api.ReceivedMessage{}, false
}

// builtOrPublished reports whether v is a message the function builds (a
// composite literal or nats.NewMsg) or hands to a producer.
func (c *checker) builtOrPublished(fnCur inspector.Cursor, v *types.Var) bool {
	li := describeLocal(c.info, fnCur, v)
	for _, rhs := range li.assigned {
		r := ast.Unparen(rhs)
		if u, ok := r.(*ast.UnaryExpr); ok {
			r = ast.Unparen(u.X)
		}
		switch r := r.(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			if api.CalleeName(c.info, r) == "github.com/nats-io/nats.go.NewMsg" {
				return true
			}
		}
	}
	for _, p := range c.producers {
		if fnCur.Contains(p) && api.Mentions(c.info, p.Node(), v) {
			return true
		}
	}
	return false
}

// ctxDerivedFrom reports whether the context argument of a span start comes
// from the message (an extraction through other code, kgo's Record.Context)
// or from another span's start (a child span of one already checked),
// following local variables a few assignments back.
func (c *checker) ctxDerivedFrom(cur inspector.Cursor, ctx ast.Expr, msg *types.Var) bool {
	fnCur, ok := innermostFunc(cur)
	if !ok {
		return true
	}
	outer := fnCur
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = f
	}
	// A context that is a parameter of the function that also receives the
	// message as a parameter comes from the caller, which may have
	// extracted it: no evidence either way.
	msgParams := c.paramListOf(outer, msg)
	seen := map[*types.Var]bool{}
	var derived func(e ast.Expr, depth int) bool
	derived = func(e ast.Expr, depth int) bool {
		if api.Mentions(c.info, e, msg) {
			return true
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			if _, ok := api.SpanStartOf(c.info, call); ok {
				return true
			}
		}
		if depth > 4 {
			return false
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			// A call over a context (context.WithTimeout(ctx, d)) derives
			// from its arguments.
			if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
				for _, a := range call.Args {
					if api.IsContext(api.TypeOf(c.info, a)) && derived(a, depth+1) {
						return true
					}
				}
			}
			return false
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || seen[v] {
			return false
		}
		seen[v] = true
		if msgParams != nil && v.Pos() >= msgParams.Pos() && v.Pos() < msgParams.End() {
			return true
		}
		li := describeLocal(c.info, outer, v)
		for _, rhs := range li.assigned {
			if rhs == nil {
				continue
			}
			if derived(rhs, depth+1) {
				return true
			}
		}
		return false
	}
	return derived(ctx, 0)
}

// paramListOf returns the parameter list of the function within fnCur that
// declares v as a parameter, or nil.
func (c *checker) paramListOf(fnCur inspector.Cursor, v *types.Var) *ast.FieldList {
	for cur := range fnCur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch f := cur.Node().(type) {
		case *ast.FuncDecl:
			ft = f.Type
		case *ast.FuncLit:
			ft = f.Type
		}
		if ft.Params != nil && v.Pos() >= ft.Params.Pos() && v.Pos() < ft.Params.End() {
			return ft.Params
		}
	}
	return nil
}

// publishesEnvelope reports whether a value published at cur is built (in
// the function) from a struct with a header-like field, such as a task
// envelope whose map[string]string field carries the trace context that
// other code injected: the body may carry what the headers do not.
func (c *checker) publishesEnvelope(cur inspector.Cursor) bool {
	fnCur, ok := innermostFunc(cur)
	if !ok {
		return false
	}
	// Only what is published: the call's arguments (not its receiver, a
	// client whose configuration may hold header maps) or the value sent.
	var published []ast.Expr
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		published = n.Args
	case *ast.SendStmt:
		published = []ast.Expr{n.Value}
	}
	for _, arg := range published {
		if c.builtFromEnvelope(fnCur, arg) {
			return true
		}
	}
	return false
}

// builtFromEnvelope reports whether the published value e is, or is built
// from, an envelope: e or a part of it has an envelope's type, or is a local
// assigned from a call given one. A field's value is not its struct, and a
// call's function and receiver are not what it returns.
func (c *checker) builtFromEnvelope(fnCur inspector.Cursor, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if found || !ok {
			return !found
		}
		if c.isEnvelope(api.TypeOf(c.info, x)) {
			found = true
			return false
		}
		switch x := x.(type) {
		case *ast.SelectorExpr:
			return false
		case *ast.CallExpr:
			for _, a := range x.Args {
				found = found || c.builtFromEnvelope(fnCur, a)
			}
			return false
		}
		if v := localVar(c.info, fnCur.Node(), x); v != nil {
			for _, rhs := range describeLocal(c.info, fnCur, v).assigned {
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					for _, a := range call.Args {
						found = found || c.isEnvelope(api.TypeOf(c.info, a))
					}
				}
			}
		}
		return true
	})
	return found
}

// isEnvelope reports whether t (or what it points to) is a struct of the
// program with a field that can hold a carrier.
func (c *checker) isEnvelope(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !programPackage(n.Obj().Pkg().Path()) {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if headerLike(c.pass.Pkg, st.Field(i).Type()) {
			return true
		}
	}
	return false
}
