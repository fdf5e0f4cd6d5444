package pii

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// summary is what a same-package function does with its parameters: which
// ones reach a sink unredacted, and whether it forwards a variadic
// parameter as key/value pairs (a logger wrapper's Info(msg, kv...)) or as
// printf operands (Infof(format, args...)). A call of the function is then
// checked like a call of the sink: the wrapper's callers are where the
// personal data comes from.
type summary struct {
	params map[*types.Var]paramSink
	kv     *kvForward
	printf *printfForward
}

// paramSink is the first sink a parameter reaches, and how it renders the
// parameter when the parameter reaches it whole.
type paramSink struct {
	s    sink
	mode exposeMode
}

type kvForward struct {
	param *types.Var
	lib   string
	mode  exposeMode
}

type printfForward struct {
	format, args *types.Var
	s            sink
	mode         exposeMode
}

// summaryOf returns the summary of a same-package declared function, or
// nil for other functions. It is computed once, by checking the sinks of
// the function's body with its parameters standing for a caller's
// arguments.
func (c *checker) summaryOf(fn *types.Func) *summary {
	if sum, ok := c.summaries[fn]; ok {
		return sum
	}
	sinks, ok := c.bodySinks[fn]
	if !ok {
		return nil
	}
	sum := &summary{params: map[*types.Var]paramSink{}}
	c.summaries[fn] = sum // recursion guard
	saved := c.summary
	c.summary = sum
	c.following = append(c.following, fn)
	for _, n := range sinks {
		c.checkSink(n)
	}
	c.following = c.following[:len(c.following)-1]
	c.summary = saved
	return sum
}

// followedParam returns the parameter of the function being summarized
// that e denotes, or nil.
func (c *checker) followedParam(e ast.Expr) *types.Var {
	if len(c.following) == 0 || e == nil {
		return nil
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !isParam(c.following[len(c.following)-1], v) {
		return nil
	}
	return v
}

// summarize records, while a function is summarized, the parameters that
// value carries into s. A parameter whose own name denotes personal data is
// left out: the rule reports it inside the function already.
func (c *checker) summarize(s sink, value ast.Expr, mode exposeMode) {
	s.number = s.number || isNumber(api.TypeOf(c.info, value))
	s.diagnostic = s.diagnostic || c.inDiagnostic
	if p := c.followedParam(value); p != nil {
		if _, seen := c.summary.params[p]; !seen && !c.namedPII(p) && c.structSource(value, mode) == nil {
			c.summary.params[p] = paramSink{s, mode}
		}
		return
	}
	f := c.flowOf(value)
	if f.src == nil || f.src.params == nil {
		return
	}
	for _, p := range f.src.params {
		if _, seen := c.summary.params[p]; !seen && !c.namedPII(p) {
			c.summary.params[p] = paramSink{s, modeNone}
		}
	}
}

// namedPII reports whether a variable's own name denotes personal data
// its type can hold.
func (c *checker) namedPII(v *types.Var) bool {
	cpt := c.v.conceptOf(v.Name())
	return nameEvidenced(cpt) && qualifies(v.Type(), cpt) || c.typeConcept(v.Type()) != nil
}

// forwardsKeyValues records a wrapper that passes its variadic parameter
// on as key/value pairs: func (l *Logger) Info(msg string, kv ...any) {
// l.s.Infow(msg, kv...) }.
func (c *checker) forwardsKeyValues(call *ast.CallExpr, lib string, mode exposeMode) {
	if c.summary == nil || !call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return
	}
	if p := c.followedParam(call.Args[len(call.Args)-1]); p != nil && c.summary.kv == nil {
		c.summary.kv = &kvForward{param: p, lib: lib, mode: mode}
	}
}

// forwardsPrintf records a wrapper that passes a format and its variadic
// operands on to a printf-like sink.
func (c *checker) forwardsPrintf(call *ast.CallExpr, format int, s sink, mode exposeMode) {
	if c.summary == nil || !call.Ellipsis.IsValid() || format >= len(call.Args)-1 {
		return
	}
	s.diagnostic = s.diagnostic || c.inDiagnostic
	f := c.followedParam(call.Args[format])
	a := c.followedParam(call.Args[len(call.Args)-1])
	if f != nil && a != nil && c.summary.printf == nil {
		c.summary.printf = &printfForward{format: f, args: a, s: s, mode: mode}
	}
}

// checkWrapperCall checks a call of a same-package function against its
// summary: each argument for a parameter that reaches a sink, the
// key/value pairs or printf operands it forwards.
func (c *checker) checkWrapperCall(call *ast.CallExpr, fn *types.Func) {
	sum := c.summaryOf(fn)
	if sum == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	through := func(s sink) sink {
		s.through = fn.Name()
		return s
	}
	for p, ps := range sum.params {
		if isVariadicParam(sig, p) {
			if i := sig.Params().Len() - 1; !call.Ellipsis.IsValid() && i < len(call.Args) {
				for _, a := range call.Args[i:] {
					c.checkValue(through(ps.s), "", a, ps.mode)
				}
			}
			continue
		}
		c.checkValue(through(ps.s), "", argFor(c.info, call, fn, p), ps.mode)
	}
	if kv := sum.kv; kv != nil && !call.Ellipsis.IsValid() {
		if i := sig.Params().Len() - 1; i < len(call.Args) {
			c.checkKeyValues(call.Args[i:], kv.lib, kv.mode, fn.Name())
		}
	}
	if pf := sum.printf; pf != nil && !call.Ellipsis.IsValid() {
		format, first := paramIndex(sig, pf.format), paramIndex(sig, pf.args)
		if format >= 0 && first >= 0 {
			for _, op := range c.printedOperands(call, format, first) {
				c.checkValue(through(pf.s), "", op.e, pf.mode)
			}
		}
	}
}

func isVariadicParam(sig *types.Signature, p *types.Var) bool {
	n := sig.Params().Len()
	return sig.Variadic() && n > 0 && sig.Params().At(n-1) == p
}

func paramIndex(sig *types.Signature, p *types.Var) int {
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == p {
			return i
		}
	}
	return -1
}

// isLocalFunc reports whether fn is declared in the package under analysis.
func (c *checker) isLocalFunc(fn *types.Func) bool {
	return fn != nil && fn.Pkg() == c.pass.Pkg
}
