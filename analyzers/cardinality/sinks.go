package cardinality

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// An attrUse is an attribute that reaches a metric measurement.
type attrUse struct {
	attr api.Attribute
	key  string // the constant key, or ""
	via  string // the same-package function the attribute passes through, or ""
}

// attrCollector gathers the attributes that reach metric.WithAttributes
// or metric.WithAttributeSet: written in the call, gathered in a local
// slice or attribute.Set first, returned by a same-package helper, or
// passed to a same-package wrapper that records them.
type attrCollector struct {
	c       *checker
	out     []attrUse
	seen    map[ast.Node]bool
	wrapped map[paramRef]bool // wrapper parameters already expanded
}

func (c *checker) checkOTelAttributes() {
	col := &attrCollector{c: c, seen: map[ast.Node]bool{}, wrapped: map[paramRef]bool{}}
	for _, sink := range c.attrSinks {
		for _, arg := range sink.Args {
			col.collect(arg, sink.Pos(), "", 0)
		}
	}
	for _, u := range col.out {
		c.checkAttribute(u)
	}
}

func (col *attrCollector) collect(e ast.Expr, pos token.Pos, via string, depth int) {
	if e == nil || depth > maxDepth {
		return
	}
	c := col.c
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CallExpr:
		if col.seen[e] {
			return
		}
		col.seen[e] = true
		if a, key, ok := api.KeyValueOf(c.info, e); ok {
			col.out = append(col.out, attrUse{attr: a, key: key, via: via})
			return
		}
		if args, ok := api.AttributeSetArgs(c.info, e); ok {
			for _, a := range args {
				col.collect(a, pos, via, depth+1)
			}
			return
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				for _, a := range e.Args {
					col.collect(a, pos, via, depth+1)
				}
				return
			}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "ToSlice" && api.IsNamed(api.TypeOf(c.info, sel.X), api.AttributePath, "Set") {
			col.collect(sel.X, pos, via, depth+1)
			return
		}
		// A same-package helper returning attributes.
		if fn := api.Callee(c.info, e); fn != nil {
			if fd := c.declOf(fn); fd != nil {
				for _, ret := range c.returns[fd] {
					for _, r := range ret.Results {
						col.collect(r, ret.Pos(), fn.Name(), depth+1)
					}
				}
			}
		}
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			col.collect(elt, pos, via, depth+1)
		}
	case *ast.Ident:
		v, ok := c.info.ObjectOf(e).(*types.Var)
		if !ok {
			return
		}
		c.ensureIndexed(v)
		if p, ok := c.params[v]; ok {
			col.expandWrapper(p, depth)
		}
		if init, ok := c.pkgInits[v]; ok {
			col.collect(init, init.Pos(), via, depth+1)
			return
		}
		for _, d := range c.defs[v] {
			if d.pos >= pos || d.kind == defRange || d.index >= 0 {
				continue
			}
			col.collect(d.rhs, d.pos, via, depth+1)
		}
	}
}

// expandWrapper collects the arguments passed for parameter p of a
// same-package function that records its attributes on a metric.
func (col *attrCollector) expandWrapper(p paramRef, depth int) {
	if col.wrapped[p] {
		return
	}
	col.wrapped[p] = true
	for _, call := range col.c.callsOf(p.fn) {
		if len(call.Args) <= p.index {
			continue
		}
		args := call.Args[p.index : p.index+1]
		if p.variadic && !call.Ellipsis.IsValid() {
			args = call.Args[p.index:]
		}
		for _, a := range args {
			col.collect(a, call.Pos(), p.fn.Name(), depth+1)
		}
	}
}

// checkAttribute reports an unbounded key, else an unbounded value.
func (c *checker) checkAttribute(u attrUse) {
	a := u.attr
	what := "metric attribute"
	if u.key != "" {
		what += " " + quote(u.key)
	}
	if u.via != "" {
		what += " (recorded through " + u.via + ")"
	}
	if u.key != "" && c.policy.allowedKey(u.key) {
		return
	}
	if u.key != "" && c.checkKey(a.Key, u.key, a.Value, what) {
		return
	}
	c.checkValue(a.Value, what)
}

// checkKey reports key when the deny list names it and the value is not
// bounded (a constant, a bool, an enum). It reports whether key is denied.
func (c *checker) checkKey(at ast.Expr, key string, value ast.Expr, what string) bool {
	d, ok := c.policy.deniedKey(key)
	if !ok || d.byValue || !c.r.Enabled(checkKey) {
		return false
	}
	if value != nil && c.judge(value, 0).v == bounded {
		return true
	}
	advice := d.advice
	if advice == "" {
		advice = adviceMove
	}
	c.report(checkKey, at, "%s names %s, an unbounded value: every distinct value is a new time series; %s", what, d.what, advice)
	return true
}

// checkValue reports value when it takes unbounded values.
func (c *checker) checkValue(value ast.Expr, what string) {
	c.checkValueDepth(value, what, true, 0)
}

// checkUnnamedLabelValue reports the value of a label whose name this
// package cannot see (a vector built by another package and handed in):
// only on evidence from the value itself. A name such as userID says
// nothing without the label it fills: the package that declared the label
// chose what a "user" is there (the tenant, in a multi-tenant back end).
func (c *checker) checkUnnamedLabelValue(value ast.Expr, what string) {
	c.checkValueDepth(value, what, false, 0)
}

func (c *checker) checkValueDepth(value ast.Expr, what string, keyKnown bool, depth int) {
	if value == nil {
		return
	}
	j := c.judge(value, 0)
	if j.v != unbounded {
		c.checkWrapperArgs(value, what, keyKnown, depth)
		return
	}
	if j.byName && !keyKnown {
		return
	}
	if j.advice == "" {
		j.advice = adviceMove
	}
	desc := j.what
	switch via := j.origin != nil && ast.Unparen(j.origin) != ast.Unparen(value); {
	case via && j.byName:
		desc = shortExpr(j.origin) + " is " + j.what
	case via:
		desc += " from " + shortExpr(j.origin)
	}
	c.report(checkValue, value, "%s gets %s (%s): every distinct value is a new time series; %s", what, shortExpr(value), desc, j.advice)
}

// shortExpr prints e for a message, shortened.
func shortExpr(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// isBareID reports whether a key or label name is "id" alone (ID, Id): it
// names no kind of thing (a partition, a shard, a provider index are ids
// too), so only its values can tell whether it is unbounded.
func isBareID(name string) bool {
	ws := api.Words(name)
	return len(ws) == 1 && ws[0] == "id"
}

// checkVecLabelNames reports unbounded label names declared by a
// Prometheus vector constructor.
func (c *checker) checkVecLabelNames(in api.Instrument) {
	for i, l := range c.labelNames(in.LabelNames, in.Call.Pos()) {
		if l.name == "" || l.expr == nil {
			continue
		}
		d, ok := c.policy.deniedKey(l.name)
		if !ok || isBareID(l.name) || d.byValue || c.labelOnlyBounded(in.Call, i) || c.labelDerivedAtUses(in.Call, i, l.name) {
			continue // a bare "id" label says nothing of what it identifies: its values are checked where they are set
		}
		advice := d.advice
		if advice == "" {
			advice = adviceMove
		}
		c.report(checkKey, l.expr, "label %s names %s, an unbounded value: every distinct value is a new time series; %s", quote(l.name), d.what, advice)
	}
}

// labelOnlyBounded reports whether the vector built by ctor is an
// unexported same-package variable or field whose every reference in the
// package is its initialisation or a WithLabelValues-style call giving the
// label at index a bounded value (r.Pattern, a constant, an enum): a label
// named "path" that only ever holds route patterns. A vector that is
// exported, passed on, curried or given a Labels map is not followed.
func (c *checker) labelOnlyBounded(ctor *ast.CallExpr, index int) bool {
	var obj types.Object
	for o, calls := range c.vecs {
		for _, call := range calls {
			if call == ctor {
				obj = o
			}
		}
	}
	if obj == nil || obj.Exported() || obj.Pkg() != c.pass.Pkg {
		return false
	}
	uses := map[*ast.CallExpr]api.PromLabels{}
	for _, pl := range c.promUses {
		if recv := api.Receiver(c.info, pl.Call); recv != nil && api.ObjectOf(c.info, recv) == obj {
			uses[pl.Call] = pl
		}
	}
	if len(uses) == 0 {
		return false
	}
	ins := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ok := true
	ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || !ok || c.info.Uses[n.(*ast.Ident)] != obj {
			return ok
		}
		ok = c.boundedVecRef(stack, uses, index)
		return ok
	})
	return ok
}

// boundedVecRef reports whether the reference to a vector at the top of
// stack initialises it or passes a bounded value for the label at index.
func (c *checker) boundedVecRef(stack []ast.Node, uses map[*ast.CallExpr]api.PromLabels, index int) bool {
	i := len(stack) - 1
	ref := stack[i].(ast.Expr)
	if sel, ok := stack[i-1].(*ast.SelectorExpr); ok && sel.Sel == ref {
		i, ref = i-1, sel // a field: s.vec
	}
	switch p := stack[i-1].(type) {
	case *ast.CallExpr:
		// prometheus.MustRegister(vec), reg.Register(vec): registration
		// gives no label values.
		fn := api.Callee(c.info, p)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == api.PrometheusPath &&
			(fn.Name() == "MustRegister" || fn.Name() == "Register") && p.Fun != ref
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == ref {
				return true
			}
		}
	case *ast.KeyValueExpr:
		return p.Key == ref // &metrics{requests: prometheus.NewCounterVec(...)}
	case *ast.SelectorExpr:
		call, ok := stack[i-2].(*ast.CallExpr)
		if !ok || p.X != ref || call.Fun != p {
			return false
		}
		pl, ok := uses[call]
		if !ok || pl.Map != nil || call.Ellipsis.IsValid() || index >= len(pl.Values) {
			return false
		}
		return c.judge(pl.Values[index], 0).v == bounded
	}
	return false
}

type labelName struct {
	name string   // "" when not a constant
	expr ast.Expr // the element declaring it
}

// labelNames resolves the label-names argument of a vector constructor:
// a []string literal, or a local or package-level variable holding one.
func (c *checker) labelNames(e ast.Expr, pos token.Pos) []labelName {
	lit := c.resolveLiteral(e, pos)
	if lit == nil {
		return nil
	}
	var out []labelName
	for _, elt := range lit.Elts {
		s, _ := api.StringConst(c.info, elt)
		out = append(out, labelName{name: s, expr: elt})
	}
	return out
}

// resolveLiteral returns the composite literal e is, or that the local or
// package-level variable e was last assigned before pos.
func (c *checker) resolveLiteral(e ast.Expr, pos token.Pos) *ast.CompositeLit {
	for i := 0; i < maxDepth && e != nil; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.Ident, *ast.SelectorExpr:
			v, ok := api.ObjectOf(c.info, x).(*types.Var)
			if !ok {
				return nil
			}
			c.ensureIndexed(v)
			if init, ok := c.pkgInits[v]; ok {
				e = init
				continue
			}
			var last *def
			for i := range c.defs[v] {
				d := &c.defs[v][i]
				if d.pos < pos && d.kind == defAssign && d.index < 0 {
					last = d
				}
			}
			if last == nil {
				return nil
			}
			e, pos = last.rhs, last.pos
		default:
			return nil
		}
	}
	return nil
}

// vecLabels returns the label names of the vector recv refers to, when it
// is a same-package variable or field built with constant label names (by
// constructors that agree on them). For a use at pos outside _test.go
// files, constructors in _test.go files do not count: they exist only in
// the package's test variant, where the same use would otherwise be
// reported a second time, named after a test's metric.
func (c *checker) vecLabels(recv ast.Expr, pos token.Pos) ([]string, string) {
	obj := api.ObjectOf(c.info, recv)
	if obj == nil {
		return nil, ""
	}
	var names []string
	metric := ""
	prodUse := !lint.IsTestFile(c.pass, pos)
	i := 0
	for _, call := range c.vecs[obj] {
		if prodUse && lint.IsTestFile(c.pass, call.Pos()) {
			continue
		}
		i++
		in, ok := api.InstrumentOf(c.info, call)
		if !ok {
			return nil, ""
		}
		var ns []string
		for _, l := range c.labelNames(in.LabelNames, call.Pos()) {
			ns = append(ns, l.name)
		}
		if ns == nil {
			return nil, ""
		}
		if i == 1 {
			names, metric = ns, c.promName(in)
		} else if strings.Join(ns, "\x00") != strings.Join(names, "\x00") {
			return nil, ""
		}
	}
	return names, metric
}

// checkPromLabels checks the label values passed to Prometheus vectors.
func (c *checker) checkPromLabels() {
	for _, pl := range c.promUses {
		recv := api.Receiver(c.info, pl.Call)
		if c.prunesSeries(recv) {
			continue
		}
		names, metric := c.vecLabels(recv, pl.Call.Pos())
		of := ""
		if metric != "" {
			of = " of " + metric
		}
		if pl.Map != nil {
			c.checkLabelsMap(pl.Map, pl.Call.Pos(), of)
			continue
		}
		if pl.Call.Ellipsis.IsValid() {
			continue
		}
		for i, v := range pl.Values {
			if i >= len(names) || names[i] == "" {
				c.checkUnnamedLabelValue(v, "label value")
				continue
			}
			if c.policy.allowedKey(names[i]) {
				continue
			}
			if d, denied := c.policy.deniedKey(names[i]); denied && !isBareID(names[i]) && !d.byValue && c.r.Enabled(checkKey) {
				continue // reported where the label is declared
			}
			c.checkValue(v, "label "+quote(names[i])+of)
		}
	}
}

// prunesSeries reports whether the package deletes series of the vector
// recv refers to (DeleteLabelValues, Delete, DeletePartialMatch, Reset): the
// author keeps one series per live entity — a registered worker, an open
// connection — and removes it when the entity goes away, so the number of
// series follows the entities alive, not every value ever seen.
func (c *checker) prunesSeries(recv ast.Expr) bool {
	obj := api.ObjectOf(c.info, recv)
	return obj != nil && c.pruned[obj]
}

// labelEntry is one key and value of a prometheus.Labels map.
type labelEntry struct{ key, value ast.Expr }

// labelsMapEntries resolves a prometheus.Labels map to its entries: a
// literal, or a local map filled by a literal and index assignments before
// pos.
func (c *checker) labelsMapEntries(e ast.Expr, pos token.Pos) []labelEntry {
	var entries []labelEntry
	var add func(e ast.Expr, pos token.Pos, depth int)
	add = func(e ast.Expr, pos token.Pos, depth int) {
		if depth > maxDepth {
			return
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			for _, elt := range x.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					entries = append(entries, labelEntry{kv.Key, kv.Value})
				}
			}
		case *ast.Ident:
			v := c.localVar(x)
			if v == nil {
				return
			}
			c.ensureIndexed(v)
			for _, d := range c.defs[v] {
				if d.pos >= pos {
					continue
				}
				switch d.kind {
				case defIndex:
					entries = append(entries, labelEntry{d.key, d.rhs})
				case defAssign:
					if d.index < 0 {
						add(d.rhs, d.pos, depth+1)
					}
				}
			}
		}
	}
	add(e, pos, 0)
	return entries
}

// checkLabelsMap checks a prometheus.Labels map.
func (c *checker) checkLabelsMap(e ast.Expr, pos token.Pos, of string) {
	entries := c.labelsMapEntries(e, pos)
	values := make([]ast.Expr, len(entries))
	for i, en := range entries {
		values[i] = en.value
	}
	for i, en := range entries {
		key, ok := api.StringConst(c.info, en.key)
		what := "label value" + of
		if ok {
			if c.policy.allowedKey(key) {
				continue
			}
			what = "label " + quote(key) + of
			if c.derivedFromLabels(en.value, values, i) {
				// A link built from the other labels' values: the
				// key's name says URL, the value adds no series.
				c.checkValue(en.value, what)
				continue
			}
			if c.checkKey(en.key, key, en.value, what) {
				continue
			}
		}
		c.checkValue(en.value, what)
	}
}

// checkWrapperArgs checks, when value is a parameter of a same-package
// function that still holds its argument, the arguments its callers pass.
func (c *checker) checkWrapperArgs(value ast.Expr, what string, keyKnown bool, depth int) {
	id, ok := ast.Unparen(value).(*ast.Ident)
	if !ok || depth > 2 {
		return
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	c.ensureIndexed(v)
	p, ok := c.params[v]
	if !ok || p.variadic {
		return
	}
	if _, entry := c.reachingDefs(v, id.Pos()); !entry {
		return
	}
	for _, call := range c.callsOf(p.fn) {
		if p.index >= len(call.Args) {
			continue
		}
		c.checkValueDepth(call.Args[p.index], what+" through "+p.fn.Name(), keyKnown, depth+1)
	}
}
