package cardinality

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// updateSite is a counter, up-down counter or gauge update seen by the walk.
type updateSite struct {
	api.MetricUpdate
	cur inspector.Cursor
}

// visitUpdate records the call when it updates a counter or a gauge (Inc,
// Add, Set, ...), for counter-decrement and gauge-as-counter.
func (c *checker) visitUpdate(cur inspector.Cursor, call *ast.CallExpr) {
	if !api.MayBeMetricUpdate(call) || !(c.r.Enabled(checkDecrement) || c.r.Enabled(checkGaugeAsCounter)) {
		return
	}
	if u, ok := api.MetricUpdateOf(c.info, call); ok {
		c.updates = append(c.updates, updateSite{MetricUpdate: u, cur: cur})
	}
}

// checkCounterUpdates reports counters given a value that can be negative
// (counter-decrement).
func (c *checker) checkCounterUpdates() {
	if !c.r.Enabled(checkDecrement) {
		return
	}
	for _, u := range c.updates {
		if u.Kind != api.Counter || u.Value == nil {
			continue
		}
		ev, ok := c.mayBeNegative(u.Value, nil, 0)
		if !ok {
			continue
		}
		method := u.Func.Name()
		if u.Prometheus {
			c.report(checkDecrement, u.Value, "%s.%s is given a value that can be negative (%s): a Prometheus counter panics on a negative value; count what goes down with a Gauge (Add/Sub or Inc/Dec)", shortExpr(u.Recv), method, ev)
			continue
		}
		typ := "an Int64UpDownCounter"
		if t := api.TypeOf(c.info, u.Recv); t != nil && api.IsNamed(t, api.MetricPath, "Float64Counter") {
			typ = "a Float64UpDownCounter"
		}
		c.report(checkDecrement, u.Value, "%s.Add is given a value that can be negative (%s): a Counter's increments must be non-negative and back ends read its sum as monotonic (a decrease looks like a restart); use %s for a value that goes down", shortExpr(u.Recv), ev, typ)
	}
}

// negEvidence is why a value can be negative.
type negEvidence struct {
	what string // "the negative constant -1", "the difference a - b"
	via  string // ", assigned to d at line 12", ", passed as delta by the call of track at line 40"
}

func (e negEvidence) String() string { return e.what + e.via }

// maxNegDepth bounds how far mayBeNegative follows locals and parameters.
const maxNegDepth = 4

// mayBeNegative reports whether e, an amount given to a counter, can be
// negative, with positive evidence: a negative constant, the negation of a
// value, a difference, a product with a negative constant, or a local or a
// parameter that one of those may reach (the parameter through the
// arguments the package's callers pass). A difference is not evidence when
// it is the delta of one cumulative reading (cur.N - prev.N, the same
// method or function called twice, a value minus the field it is then
// stored in), a time difference, a difference of two counts (len(in) -
// len(kept): what a filter dropped), or when the function compares one of its
// operands or max()es it (a guard such as if d > 0). A local or parameter
// is not followed further where its function compares it: an entry point
// that sends non-positive lengths elsewhere passes only positive ones on.
// followed holds the locals and parameters followed so far, whose
// comparisons count as guards too.
func (c *checker) mayBeNegative(e ast.Expr, followed []*types.Var, depth int) (negEvidence, bool) {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		if v := constant.ToFloat(tv.Value); v.Kind() == constant.Float && constant.Sign(v) < 0 {
			if id, ok := e.(*ast.Ident); ok {
				return negEvidence{what: fmt.Sprintf("the negative constant %s (%s)", id.Name, tv.Value)}, true
			}
			return negEvidence{what: "the negative constant " + tv.Value.String()}, true
		}
		return negEvidence{}, false
	}
	if isUnsigned(api.TypeOf(c.info, e)) {
		return negEvidence{}, false // it wraps rather than going negative
	}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.SUB && !c.guarded(e, followed) {
			return negEvidence{what: "the negation " + shortExpr(e)}, true
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.SUB:
			if !c.isReadingDelta(e) && !c.isCountDifference(e) && !c.guarded(e, followed) {
				return negEvidence{what: "the difference " + shortExpr(e)}, true
			}
		case token.MUL, token.QUO:
			x, xneg := c.negativeConst(e.X)
			y, yneg := c.negativeConst(e.Y)
			if xneg != yneg && !c.guarded(e, followed) {
				return negEvidence{what: fmt.Sprintf("%s, a product with the negative constant %s", shortExpr(e), x+y)}, true
			}
		}
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.mayBeNegative(e.Args[0], followed, depth) // float64(d)
		}
	case *ast.Ident:
		if depth >= maxNegDepth {
			return negEvidence{}, false
		}
		v := c.localVar(e)
		if v == nil {
			return negEvidence{}, false
		}
		followed = append(followed, v)
		if c.guarded(e, followed) {
			return negEvidence{}, false // the function checks its sign (if n <= 0 { return })
		}
		defs, entry := c.reachingDefs(v, e.Pos())
		for _, d := range defs {
			if d.kind != defAssign || d.index >= 0 || d.rhs == nil {
				continue
			}
			if ev, ok := c.mayBeNegative(d.rhs, followed, depth+1); ok {
				if ev.via == "" {
					ev.via = fmt.Sprintf(", assigned to %s at line %d", e.Name, c.line(d.pos))
				}
				return ev, true
			}
		}
		if p, ok := c.params[v]; ok && entry && !p.variadic {
			for _, call := range c.callsOf(p.fn) {
				if p.index >= len(call.Args) || call.Ellipsis.IsValid() {
					continue
				}
				if ev, ok := c.mayBeNegative(call.Args[p.index], nil, depth+1); ok {
					ev.via = fmt.Sprintf(", passed as %s by the call of %s at line %d", e.Name, p.fn.Name(), c.line(call.Pos()))
					return ev, true
				}
			}
		}
	}
	return negEvidence{}, false
}

// isCountDifference reports whether both operands of a difference are
// counts: lengths, or locals that only ever hold and add up lengths. Such
// a difference is how code counts what a filter or a deduplication
// dropped (pre-filter count minus kept count); it is no evidence that the
// amount can go below zero.
func (c *checker) isCountDifference(e *ast.BinaryExpr) bool {
	return c.isCount(e.X, 0) && c.isCount(e.Y, 0)
}

// isCount reports whether e is a length (len or cap), or a local whose
// every assignment is a length, a sum of lengths or a non-negative
// constant, with += only.
func (c *checker) isCount(e ast.Expr, depth int) bool {
	e = unconvert(c.info, ast.Unparen(e))
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		v := constant.ToFloat(tv.Value)
		return v.Kind() == constant.Float && constant.Sign(v) >= 0
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "len" || b.Name() == "cap"
			}
		}
	case *ast.BinaryExpr:
		return e.Op == token.ADD && c.isCount(e.X, depth) && c.isCount(e.Y, depth)
	case *ast.Ident:
		v := c.localVar(e)
		if v == nil || depth >= maxNegDepth {
			return false
		}
		c.ensureIndexed(v)
		defs := c.defs[v]
		if len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			switch {
			case d.kind == defAssign && d.index < 0 && (d.rhs == nil || c.isCount(d.rhs, depth+1)):
			case d.kind == defOpAssign && d.op == token.ADD_ASSIGN && c.isCount(d.rhs, depth+1):
			default:
				return false
			}
		}
		return true
	}
	return false
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// negativeConst returns the text of e when it is a negative constant.
func (c *checker) negativeConst(e ast.Expr) (string, bool) {
	tv, ok := c.info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil {
		return "", false
	}
	v := constant.ToFloat(tv.Value)
	if v.Kind() != constant.Float || constant.Sign(v) >= 0 {
		return "", false
	}
	return tv.Value.String(), true
}

func isUnsigned(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

// isReadingDelta reports whether the difference x - y is the increment of
// a cumulative reading: the same field of two snapshots (cur.Hits -
// prev.Hits), the same function or method called twice
// (now.UnixNano() - start.UnixNano()), a time reading, or a value minus
// the variable or field it is then stored in (n - c.last; c.last = n).
func (c *checker) isReadingDelta(e *ast.BinaryExpr) bool {
	x, y := unconvert(c.info, e.X), unconvert(c.info, e.Y)
	if sx, ok := x.(*ast.SelectorExpr); ok {
		if sy, ok := y.(*ast.SelectorExpr); ok {
			ox, oy := c.info.ObjectOf(sx.Sel), c.info.ObjectOf(sy.Sel)
			if ox != nil && ox == oy {
				return true
			}
		}
	}
	fx, fy := c.calleeOf(x), c.calleeOf(y)
	if fx != nil && fx == fy {
		return true
	}
	for _, f := range []*types.Func{fx, fy} {
		if f != nil && f.Pkg() != nil && f.Pkg().Path() == "time" {
			return true
		}
	}
	for _, t := range []types.Type{api.TypeOf(c.info, x), api.TypeOf(c.info, y)} {
		if api.IsNamed(t, "time", "Time") {
			return true
		}
	}
	return c.storedAfter(e, x, y)
}

func (c *checker) calleeOf(e ast.Expr) *types.Func {
	if call, ok := e.(*ast.CallExpr); ok {
		return api.Callee(c.info, call)
	}
	return nil
}

// unconvert strips parentheses and conversions: float64(x) -> x.
func unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// storedAfter reports whether the function holding the difference x - y
// assigns x, or the variable x was read from, to y: y holds the previous
// reading.
func (c *checker) storedAfter(e *ast.BinaryExpr, x, y ast.Expr) bool {
	oy := api.ObjectOf(c.info, y)
	if oy == nil {
		return false
	}
	body := c.enclosingBody(e)
	if body == nil {
		return false
	}
	ox := api.ObjectOf(c.info, x)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != len(as.Rhs) {
			return !found
		}
		for i, lhs := range as.Lhs {
			if api.ObjectOf(c.info, lhs) != oy {
				continue
			}
			r := unconvert(c.info, as.Rhs[i])
			if (ox != nil && api.ObjectOf(c.info, r) == ox) || sameExpr(r, x) {
				found = true
			}
		}
		return !found
	})
	return found
}

// sameExpr reports whether a and b are written the same way.
func sameExpr(a, b ast.Expr) bool { return types.ExprString(a) == types.ExprString(b) }

// enclosingBody returns the body of the innermost function holding n.
func (c *checker) enclosingBody(n ast.Node) *ast.BlockStmt {
	cur, ok := c.ins.Root().FindNode(n)
	if !ok {
		return nil
	}
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch fn := f.Node().(type) {
		case *ast.FuncDecl:
			return fn.Body
		case *ast.FuncLit:
			return fn.Body
		}
	}
	return nil
}

// guarded reports whether the function holding e compares one of the
// variables e reads (or one of the followed locals) with <, <=, > or >=,
// or passes it to max or min: the code keeps the sign in check.
func (c *checker) guarded(e ast.Expr, followed []*types.Var) bool {
	vars := map[types.Object]bool{}
	for _, v := range followed {
		vars[v] = true
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok {
				vars[v] = true
			}
		case *ast.SelectorExpr:
			if s, ok := c.info.Selections[n]; ok && s.Kind() == types.FieldVal {
				vars[s.Obj()] = true
			}
		}
		return true
	})
	if len(vars) == 0 {
		return false
	}
	body := c.enclosingBody(e)
	if body == nil {
		return false
	}
	mentions := func(x ast.Expr) bool {
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && vars[c.info.Uses[id]] {
				found = true
			}
			return !found
		})
		return found
	}
	guard := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				if mentions(n.X) || mentions(n.Y) {
					guard = true
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := c.info.Uses[id].(*types.Builtin); ok && (b.Name() == "max" || b.Name() == "min") {
					for _, a := range n.Args {
						if mentions(a) {
							guard = true
						}
					}
				}
			}
		}
		return !guard
	})
	return guard
}
