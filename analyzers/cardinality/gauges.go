package cardinality

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// gauge-as-counter: a Prometheus gauge or an OpenTelemetry up-down counter
// that only ever goes up. The instrument is judged over every use of the
// variables and fields that hold it in the package; one use that could
// change it out of sight (passed to a function, returned, stored in a map,
// a method value) or that removes its series leaves it unjudged, and so
// does an exported variable or field, which other packages may update.

// gaugeVar is what the uses of one variable or field holding an up-down
// instrument show.
type gaugeVar struct {
	ctors   []api.Instrument
	updates []api.MetricUpdate
	escapes bool
}

// gaugeUses collects the uses of the up-down instruments of a package.
type gaugeUses struct {
	c      *checker
	vars   map[*types.Var]*gaugeVar
	parent map[*types.Var]*types.Var // union-find: variables holding the same instrument
	ctors  map[*ast.CallExpr]bool    // the candidate constructor calls
}

func (g *gaugeUses) get(v *types.Var) *gaugeVar {
	if gv, ok := g.vars[v]; ok {
		return gv
	}
	gv := &gaugeVar{}
	g.vars[v] = gv
	return gv
}

func (g *gaugeUses) root(v *types.Var) *types.Var {
	for {
		p, ok := g.parent[v]
		if !ok || p == v {
			return v
		}
		v = p
	}
}

func (g *gaugeUses) union(a, b *types.Var) {
	g.get(a)
	g.get(b)
	ra, rb := g.root(a), g.root(b)
	if ra != rb {
		g.parent[ra] = rb
	}
}

func (g *gaugeUses) escape(v *types.Var) { g.get(v).escapes = true }

// isGaugeCandidate reports whether in builds an instrument gauge-as-counter
// judges: a Prometheus Gauge or GaugeVec (not a GaugeFunc, not Untyped) or
// a synchronous OpenTelemetry up-down counter.
func isGaugeCandidate(in api.Instrument) bool {
	if in.Observable {
		return false
	}
	if in.Prometheus {
		return in.Kind == api.Gauge && strings.HasPrefix(in.Func.Name(), "NewGauge")
	}
	return in.Kind == api.UpDownCounter
}

// checkGauges reports the gauges and up-down counters that only ever go up
// (gauge-as-counter).
func (c *checker) checkGauges() {
	if !c.r.Enabled(checkGaugeAsCounter) {
		return
	}
	g := &gaugeUses{c: c, vars: map[*types.Var]*gaugeVar{}, parent: map[*types.Var]*types.Var{}, ctors: map[*ast.CallExpr]bool{}}
	root := c.ins.Root()
	found := false
	for _, in := range c.instruments {
		if !isGaugeCandidate(in) {
			continue
		}
		g.ctors[in.Call] = true
		cur, ok := root.FindNode(in.Call)
		if !ok {
			continue
		}
		if c.builtOnHotPath(cur) {
			continue // per-request-instrument's finding comes first
		}
		if v := c.instrumentDest(cur); v != nil {
			g.get(v).ctors = append(g.get(v).ctors, in)
			found = true
		}
	}
	if !found {
		return
	}
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		obj := c.info.Uses[id]
		if obj == nil {
			obj = c.info.Defs[id]
		}
		v, ok := obj.(*types.Var)
		if !ok || v.Pkg() != c.pass.Pkg || !api.IsUpDownInstrument(v.Type()) {
			continue
		}
		g.classify(cur, id, v)
	}
	groups := map[*types.Var][]*types.Var{}
	for v := range g.vars {
		r := g.root(v)
		groups[r] = append(groups[r], v)
	}
	for _, members := range groups {
		c.judgeGauge(members, g)
	}
}

// builtOnHotPath reports whether the constructor call at cur runs per
// request or per event (see hotPath): such an instrument holds no running
// total worth judging.
func (c *checker) builtOnHotPath(cur inspector.Cursor) bool {
	var stack []ast.Node
	for e := range cur.Enclosing() {
		stack = append(stack, e.Node())
	}
	slices.Reverse(stack)
	_, hot := c.hotPath(stack)
	return hot
}

// instrumentDest returns the variable or field a constructor call's
// instrument is stored in: var g = New..., g = New..., m.g, err = ...,
// &metrics{g: New...}; or nil.
func (c *checker) instrumentDest(cur inspector.Cursor) *types.Var {
	var dest ast.Expr
	switch k, i := cur.ParentEdge(); k {
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Values) != len(vs.Names) {
			i = 0
		}
		if i < len(vs.Names) {
			dest = vs.Names[i]
		}
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Rhs) != len(as.Lhs) {
			i = 0
		}
		if i < len(as.Lhs) {
			dest = as.Lhs[i]
		}
	case edge.KeyValueExpr_Value:
		dest = cur.Parent().Node().(*ast.KeyValueExpr).Key
	}
	if dest == nil {
		return nil
	}
	v, _ := api.ObjectOf(c.info, dest).(*types.Var)
	if v == nil || v.Pkg() != c.pass.Pkg || !api.IsUpDownInstrument(v.Type()) {
		return nil
	}
	return v
}

// trackedVar returns the variable or field e denotes when it holds an
// up-down instrument of the package, or nil.
func (g *gaugeUses) trackedVar(e ast.Expr) *types.Var {
	v, _ := api.ObjectOf(g.c.info, e).(*types.Var)
	if v == nil || v.Pkg() != g.c.pass.Pkg || !api.IsUpDownInstrument(v.Type()) {
		return nil
	}
	return v
}

// classify records what one occurrence id of the variable or field v does.
func (g *gaugeUses) classify(cur inspector.Cursor, id *ast.Ident, v *types.Var) {
	info := g.c.info
	if k, _ := cur.ParentEdge(); k == edge.SelectorExpr_Sel {
		cur = cur.Parent() // m.g: the selector is the use
	}
	k, i := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch k {
	case edge.Field_Names:
		if _, ok := cur.Parent().Parent().Node().(*ast.FieldList); ok {
			if _, isStruct := cur.Parent().Parent().Parent().Node().(*ast.StructType); !isStruct {
				g.escape(v) // a parameter or result: its value comes from elsewhere
			}
		}
	case edge.SelectorExpr_X:
		g.classifyMethod(cur.Parent(), v)
	case edge.AssignStmt_Lhs:
		as := parent.(*ast.AssignStmt)
		switch {
		case len(as.Rhs) == len(as.Lhs):
			g.classifyWrite(v, as.Rhs[i])
		case i == 0:
			g.classifyWrite(v, as.Rhs[0])
		default:
			g.escape(v)
		}
	case edge.AssignStmt_Rhs:
		as := parent.(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			if lv := g.trackedVar(as.Lhs[i]); lv != nil {
				g.union(v, lv)
				return
			}
		}
		g.escape(v)
	case edge.ValueSpec_Names:
		vs := parent.(*ast.ValueSpec)
		switch {
		case len(vs.Values) == 0:
		case len(vs.Values) == len(vs.Names):
			g.classifyWrite(v, vs.Values[i])
		case i == 0:
			g.classifyWrite(v, vs.Values[0])
		default:
			g.escape(v)
		}
	case edge.ValueSpec_Values:
		vs := parent.(*ast.ValueSpec)
		if len(vs.Values) == len(vs.Names) {
			if lv := g.trackedVar(vs.Names[i]); lv != nil {
				g.union(v, lv)
				return
			}
		}
		g.escape(v)
	case edge.KeyValueExpr_Key:
		g.classifyWrite(v, parent.(*ast.KeyValueExpr).Value)
	case edge.KeyValueExpr_Value:
		if fv := g.trackedVar(parent.(*ast.KeyValueExpr).Key); fv != nil {
			g.union(v, fv)
			return
		}
		g.escape(v)
	case edge.CallExpr_Args:
		if !api.IsPromCollector(paramType(info, parent.(*ast.CallExpr), i)) {
			g.escape(v) // it may be updated by the callee
		}
	case edge.CompositeLit_Elts:
		// []prometheus.Collector{g, ...}: registered, not updated.
		if t := api.TypeOf(info, parent.(*ast.CompositeLit)); t == nil || !isCollectorList(t) {
			g.escape(v)
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if op := parent.(*ast.BinaryExpr).Op; op != token.EQL && op != token.NEQ {
			g.escape(v)
		}
	default:
		g.escape(v)
	}
}

// classifyMethod records the method call or selection sel on the
// instrument held by v.
func (g *gaugeUses) classifyMethod(sel inspector.Cursor, v *types.Var) {
	if k, _ := sel.ParentEdge(); k != edge.CallExpr_Fun {
		g.escape(v) // a method value: it may be called anywhere
		return
	}
	callCur := sel.Parent()
	call := callCur.Node().(*ast.CallExpr)
	if u, ok := api.MetricUpdateOf(g.c.info, call); ok {
		g.get(v).updates = append(g.get(v).updates, u)
		return
	}
	fn := api.Callee(g.c.info, call)
	switch api.VecMethodOf(fn) {
	case api.VecElement:
		g.classifyElement(callCur, v)
		return
	case api.VecCollect:
		return
	}
	if fn != nil && fn.Name() == "Enabled" && fn.Pkg() != nil && fn.Pkg().Path() == api.MetricPath {
		return
	}
	g.escape(v)
}

// classifyElement records the use of a vector's labelled child
// (vec.WithLabelValues(...)).
func (g *gaugeUses) classifyElement(cur inspector.Cursor, v *types.Var) {
	switch k, _ := cur.ParentEdge(); k {
	case edge.SelectorExpr_X:
		sel := cur.Parent()
		if k, _ := sel.ParentEdge(); k == edge.CallExpr_Fun {
			if u, ok := api.MetricUpdateOf(g.c.info, sel.Parent().Node().(*ast.CallExpr)); ok {
				g.get(v).updates = append(g.get(v).updates, u)
				return
			}
		}
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		return // g := vec.WithLabelValues(...): g's own uses are classified, see classifyWrite
	}
	g.escape(v)
}

// classifyWrite records the assignment of rhs to the variable or field v.
func (g *gaugeUses) classifyWrite(v *types.Var, rhs ast.Expr) {
	rhs = ast.Unparen(rhs)
	if id, ok := rhs.(*ast.Ident); ok && id.Name == "nil" && g.c.info.Uses[id] == types.Universe.Lookup("nil") {
		return
	}
	if call, ok := rhs.(*ast.CallExpr); ok {
		if g.ctors[call] {
			return // recorded as one of v's constructors
		}
		if api.VecMethodOf(api.Callee(g.c.info, call)) == api.VecElement {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if rv := g.trackedVar(sel.X); rv != nil {
					g.union(v, rv)
					return
				}
			}
		}
	}
	if rv := g.trackedVar(rhs); rv != nil {
		g.union(v, rv)
		return
	}
	g.escape(v) // an instrument built elsewhere
}

// paramType returns the type of the parameter of call that receives
// argument i, or nil.
func paramType(info *types.Info, call *ast.CallExpr, i int) types.Type {
	sig, ok := api.TypeOf(info, call.Fun).(*types.Signature)
	if !ok {
		return nil
	}
	n := sig.Params().Len()
	if n == 0 {
		return nil
	}
	if sig.Variadic() && i >= n-1 {
		if call.Ellipsis.IsValid() {
			return nil
		}
		return sig.Params().At(n - 1).Type().(*types.Slice).Elem()
	}
	if i >= n {
		return nil
	}
	return sig.Params().At(i).Type()
}

func isCollectorList(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return api.IsPromCollector(u.Elem())
	case *types.Array:
		return api.IsPromCollector(u.Elem())
	}
	return false
}

// judgeGauge reports the constructors of the instrument held by members
// when every update only ever increases it.
func (c *checker) judgeGauge(members []*types.Var, g *gaugeUses) {
	var ctors []api.Instrument
	var updates []api.MetricUpdate
	for _, v := range members {
		gv := g.vars[v]
		if gv.escapes {
			return
		}
		if (v.IsField() || v.Parent() == c.pass.Pkg.Scope()) && v.Exported() {
			return // other packages may update it
		}
		ctors = append(ctors, gv.ctors...)
		updates = append(updates, gv.updates...)
	}
	if len(ctors) == 0 || len(updates) == 0 {
		return
	}
	byName := false
	for _, u := range updates {
		if u.Effect != api.Increase {
			return
		}
		switch c.amountSign(u.Value) {
		case signNonNegative:
		case signUnknown:
			byName = true
		default:
			return
		}
	}
	for _, in := range ctors {
		name := c.instrumentName(in)
		if byName && !namedLikeTotal(name, in.Prometheus) || namedLikeInfo(name) {
			continue
		}
		c.reportGauge(in, updates, byName)
	}
}

type amountSign int

const (
	signUnknown amountSign = iota
	signNonNegative
	signMayBeNegative
)

// amountSign tells whether an update's amount is known non-negative (none:
// Inc; a constant >= 0; len, cap; an unsigned value), may be negative
// (see mayBeNegative), or neither.
func (c *checker) amountSign(e ast.Expr) amountSign {
	if e == nil {
		return signNonNegative
	}
	if _, neg := c.mayBeNegative(e, nil, 0); neg {
		return signMayBeNegative
	}
	x := unconvert(c.info, e)
	if tv, ok := c.info.Types[x]; ok && tv.Value != nil {
		if v := constant.ToFloat(tv.Value); v.Kind() == constant.Float && constant.Sign(v) >= 0 {
			return signNonNegative
		}
		return signMayBeNegative
	}
	if isUnsigned(api.TypeOf(c.info, x)) {
		return signNonNegative
	}
	if call, ok := x.(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return signNonNegative
			}
		}
	}
	return signUnknown
}

// namedLikeTotal reports whether a metric name says it is a running total:
// a Prometheus name ending in _total or _count, an OpenTelemetry name whose
// last word is total (an OpenTelemetry ".count" is the semantic
// conventions' name for a current count, such as db.client.connection.count).
func namedLikeTotal(name string, prometheus bool) bool {
	ws := nameWords(name)
	if len(ws) < 2 {
		return false
	}
	last := ws[len(ws)-1]
	return last == "total" || (prometheus && last == "count")
}

// namedLikeInfo reports whether a metric name ends in info: an info metric
// (build_info) is a gauge whose value is 1 by convention, however it gets
// there.
func namedLikeInfo(name string) bool {
	ws := nameWords(name)
	return len(ws) > 0 && ws[len(ws)-1] == "info"
}

func (c *checker) reportGauge(in api.Instrument, updates []api.MetricUpdate, byName bool) {
	var seen []string
	for _, u := range updates {
		s := fmt.Sprintf("%s at line %d", updateText(u), c.line(u.Call.Pos()))
		if len(seen) == 3 {
			seen = append(seen, "...")
			break
		}
		seen = append(seen, s)
	}
	how := "is only ever increased"
	if byName {
		how = "is named like a total and only ever increased"
	}
	desc := c.describeInstrument(in)
	if in.Prometheus {
		counter := strings.Replace(in.Func.Name(), "Gauge", "Counter", 1)
		c.report(checkGaugeAsCounter, in.Call, "%s %s (%s), never set or decreased: a running total is a counter, whose resets rate() and increase() handle; use %s.%s", desc, how, strings.Join(seen, ", "), in.Func.Pkg().Name(), counter)
		return
	}
	counter := strings.Replace(in.Func.Name(), "UpDownCounter", "Counter", 1)
	c.report(checkGaugeAsCounter, in.Call, "%s %s (%s), never decreased: a running total is a Counter, which back ends read as monotonic and can compute a rate of; use %s", desc, how, strings.Join(seen, ", "), counter)
}

// updateText shows an update call for a message: Inc(), Add(1).
func updateText(u api.MetricUpdate) string {
	if u.Value == nil {
		return u.Func.Name() + "()"
	}
	return u.Func.Name() + "(" + shortExpr(u.Value) + ")"
}
