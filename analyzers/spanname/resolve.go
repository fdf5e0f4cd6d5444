package spanname

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// A value is what the evaluator knows of a string expression: a sequence of
// parts, each a known text, a value of bounded cardinality (an enum, the
// request method), a value we know nothing of, or a value of unbounded
// cardinality.
type value []part

type partKind uint8

const (
	litPart partKind = iota
	boundedPart
	unknownPart
	unboundedPart
)

type part struct {
	kind partKind
	text string // litPart: the text
	// unboundedPart:
	src   string // the expression the value comes from, as written
	why   string // what it is: "an ID", "the raw request path", ...
	route bool   // a request path or URL: suggest a route template
	input bool   // a value the client chooses (query, header, form)
	// symbol marks a boundedPart computed from a function's runtime name
	// (runtime.FuncForPC(pc).Name()): src is the expression.
	symbol bool
}

func lit(s string) value { return value{{kind: litPart, text: s}} }

var (
	bounded = value{{kind: boundedPart}}
	unknown = value{{kind: unknownPart}}
)

func unboundedValue(e ast.Expr, why string) value {
	return value{{kind: unboundedPart, src: types.ExprString(e), why: why}}
}

// constant returns the text of v when every part is known.
func (v value) constant() (string, bool) {
	var b strings.Builder
	for _, p := range v {
		if p.kind != litPart {
			return "", false
		}
		b.WriteString(p.text)
	}
	return b.String(), true
}

// known reports whether every part of v is a text or a bounded value.
func (v value) known() bool {
	for _, p := range v {
		if p.kind != litPart && p.kind != boundedPart {
			return false
		}
	}
	return true
}

// symbol returns the first part of v computed from a function's runtime
// name.
func (v value) symbol() (part, bool) {
	for _, p := range v {
		if p.symbol {
			return p, true
		}
	}
	return part{}, false
}

// unbounded returns the first part of v of unbounded cardinality.
func (v value) unbounded() (part, bool) {
	for _, p := range v {
		if p.kind == unboundedPart {
			return p, true
		}
	}
	return part{}, false
}

func concat(vs ...value) value {
	var out value
	for _, v := range vs {
		out = append(out, v...)
	}
	return out
}

// union is the value of an expression that takes one of vs: unbounded if
// any is, the constant if all are the same constant, bounded if all are
// known, unknown otherwise.
func union(vs []value) value {
	if len(vs) == 0 {
		return unknown
	}
	all := concat(vs...)
	if p, ok := all.unbounded(); ok {
		return value{p}
	}
	if first, ok := vs[0].constant(); ok {
		same := true
		for _, v := range vs[1:] {
			if s, ok := v.constant(); !ok || s != first {
				same = false
			}
		}
		if same {
			return lit(first)
		}
	}
	return derived(all)
}

// derived is the value of a function of v whose result we do not compute
// (strings.ToLower(v), strconv.Itoa(v)): unbounded if v is, bounded if v
// is known, unknown otherwise.
func derived(v value) value {
	if p, ok := v.unbounded(); ok {
		return value{p}
	}
	if p, ok := v.symbol(); ok {
		return value{p} // strings.TrimPrefix(runtime name, ...) is still one
	}
	if v.known() {
		return bounded
	}
	return unknown
}

// maxDepth bounds how far the evaluator follows variables, builders and
// same-package functions and calls.
const maxDepth = 12

// evaluator computes values of span-name expressions from the package index.
type evaluator struct {
	x     *index
	info  *types.Info
	vars  map[*types.Var]value
	funcs map[*types.Func]value
	busy  map[types.Object]bool
	enums map[*types.TypeName]bool
}

func newEvaluator(x *index) *evaluator {
	return &evaluator{
		x: x, info: x.info,
		vars:  map[*types.Var]value{},
		funcs: map[*types.Func]value{},
		busy:  map[types.Object]bool{},
		enums: map[*types.TypeName]bool{},
	}
}

// eval returns the value of e.
func (ev *evaluator) eval(e ast.Expr, depth int) value {
	if e == nil || depth > maxDepth {
		return unknown
	}
	if tv, ok := ev.info.Types[e]; ok && tv.Value != nil {
		return constValue(tv.Value)
	}
	e = ast.Unparen(e)
	if v, ok := ev.source(e); ok {
		return v
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD && isString(ev.typeOf(e)) {
			// Syntax nesting is finite: only following variables and
			// functions counts towards maxDepth.
			return concat(ev.eval(e.X, depth), ev.eval(e.Y, depth))
		}
	case *ast.CallExpr:
		return ev.call(e, depth)
	case *ast.Ident:
		return ev.ident(e, depth)
	case *ast.SelectorExpr:
		if _, isPkg := api.ObjectOf(ev.info, e.X).(*types.PkgName); isPkg {
			return ev.ident(e.Sel, depth)
		}
		return ev.field(e)
	case *ast.IndexExpr:
		return derived(ev.eval(e.X, depth+1))
	case *ast.SliceExpr:
		return derived(ev.eval(e.X, depth+1))
	case *ast.CompositeLit:
		var vs []value
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			vs = append(vs, ev.eval(elt, depth+1))
		}
		return derived(union(vs))
	case *ast.StarExpr:
		return ev.eval(e.X, depth+1)
	}
	return unknown
}

func constValue(c constant.Value) value {
	switch c.Kind() {
	case constant.String:
		return lit(constant.StringVal(c))
	case constant.Int, constant.Float, constant.Bool:
		return lit(c.ExactString())
	}
	return bounded
}

func (ev *evaluator) typeOf(e ast.Expr) types.Type { return api.TypeOf(ev.info, e) }

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// source classifies e by what it reads, whatever its form: parts of an
// HTTP request, errors, UUIDs and timestamps (unbounded), values of an
// enumerated named type (bounded).
func (ev *evaluator) source(e ast.Expr) (value, bool) {
	switch api.RequestValueOf(ev.info, e) {
	case api.RequestBounded:
		return bounded, true
	case api.RequestPath:
		v := unboundedValue(e, "the raw request path")
		v[0].route = true
		return v, true
	case api.RequestInput:
		v := unboundedValue(e, "a value the client chooses")
		v[0].route, v[0].input = true, true
		return v, true
	}
	t := ev.typeOf(e)
	if _, isTuple := t.(*types.Tuple); isTuple {
		return unknown, true
	}
	switch {
	case t == nil:
		return nil, false
	case ev.isEnum(t):
		return bounded, true
	case api.IsNamed(t, "github.com/google/uuid", "UUID"):
		return unboundedValue(e, "a UUID"), true
	case api.IsNamed(t, "time", "Time"):
		return unboundedValue(e, "a timestamp"), true
	case isError(t):
		return unboundedValue(e, "an error message"), true
	}
	return nil, false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(t types.Type) bool {
	if _, isBasic := t.Underlying().(*types.Basic); isBasic {
		return false
	}
	return types.Implements(t, errorType)
}

// isEnum reports whether t is an enumerated named type: a named string or
// integer type with constants declared in its package, and — when it is
// declared in this package — never converted from a non-constant value
// here. Its values have bounded cardinality.
func (ev *evaluator) isEnum(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	if is, ok := ev.enums[obj]; ok {
		return is
	}
	is := false
	if b, ok := n.Underlying().(*types.Basic); ok && b.Info()&(types.IsString|types.IsInteger) != 0 && obj.Pkg() != nil && !ev.x.convertedTo[obj] && !denotesID(obj.Name()) {
		scope := obj.Pkg().Scope()
		for _, name := range scope.Names() {
			if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
				is = true
				break
			}
		}
	}
	ev.enums[obj] = is
	return is
}

// ident evaluates a variable or function name.
func (ev *evaluator) ident(id *ast.Ident, depth int) value {
	v, ok := ev.info.ObjectOf(id).(*types.Var)
	if !ok {
		return unknown
	}
	if l, ok := ev.x.loops[v]; ok {
		if ev.boundedLoop(l) {
			return bounded
		}
		if isInteger(v.Type()) && ev.dataLoop(l) {
			return unboundedValue(id, "a loop index")
		}
	}
	if ev.x.inConstCase(v, id.Pos()) {
		return bounded // switch v { case "a", "b": ... v ... }
	}
	val, ok := ev.assigned(v, depth)
	if !ok {
		val = unknown
	}
	if _, isUnbounded := val.unbounded(); !isUnbounded && !val.known() {
		// Nothing we can see bounds it: its name or type may tell.
		if why := idLike(v.Name(), v.Type()); why != "" {
			return unboundedValue(id, why)
		}
	}
	return val
}

// idLike says why a variable or field of the given name and type has
// unbounded cardinality ("an ID"), or "": its name denotes an ID and it
// holds strings or integers (or a collection of them: orderIDs), or its
// type is named for an ID (type OrderID string).
func idLike(name string, t types.Type) string {
	elem := elementType(t)
	if (isString(elem) || isInteger(elem)) && denotesID(name) || namedIDType(elem) {
		return "an ID"
	}
	return ""
}

// elementType returns the element type of slices, arrays and pointers
// (repeatedly), or t itself.
func elementType(t types.Type) types.Type {
	for t != nil {
		switch u := t.Underlying().(type) {
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Pointer:
			t = u.Elem()
		default:
			return t
		}
	}
	return nil
}

// dataLoop reports whether a loop counts over data: the index of a range
// over a slice, array or string, or a counter with no condition or compared
// with the length of a collection. A counter compared with a scalar (a
// configured count: i < cfg.ChildSpans) is not: its bound is out of sight.
func (ev *evaluator) dataLoop(l loop) bool {
	if l.rng != nil {
		return l.isKey && api.RangeYieldsIndex(ev.typeOf(l.rng.X))
	}
	if l.cond == nil {
		return true
	}
	cmp, ok := ast.Unparen(l.cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	return isLenCall(ev.info, cmp.X) || isLenCall(ev.info, cmp.Y)
}

func isLenCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "len"
}

// boundedLoop reports whether a loop runs over a fixed set of values: a
// range over a constant, an array, or a fixed collection, or a counter
// compared with a constant or with the length of a fixed collection.
func (ev *evaluator) boundedLoop(l loop) bool {
	if l.rng == nil {
		cmp, ok := ast.Unparen(l.cond).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch cmp.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
			return ev.fixedBound(cmp.X) || ev.fixedBound(cmp.Y)
		}
		return false
	}
	x := ast.Unparen(l.rng.X)
	if api.IsConst(ev.info, x) {
		return true
	}
	if t := ev.typeOf(x); t != nil && l.isKey {
		if _, isArray := t.Underlying().(*types.Array); isArray {
			return true
		}
	}
	return ev.fixedCollection(x)
}

// fixedBound reports whether a loop bound is a constant or the length of a
// fixed collection.
func (ev *evaluator) fixedBound(e ast.Expr) bool {
	if api.IsConst(ev.info, e) {
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := ev.info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
			return ev.fixedCollection(call.Args[0])
		}
	}
	return false
}

// fixedCollection reports whether x is a literal of constants, directly or
// through a variable assigned only that literal.
func (ev *evaluator) fixedCollection(x ast.Expr) bool {
	x = ast.Unparen(x)
	if v := ev.x.varOf(x); v != nil && ev.x.declared[v] && !ev.x.escaped[v] {
		ws := ev.x.writes[v]
		if len(ws) != 1 || ws[0].rhs == nil {
			return false
		}
		x = ast.Unparen(ws[0].rhs)
	}
	cl, ok := x.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if !api.IsConst(ev.info, kv.Key) {
				return false
			}
			elt = kv.Value
		}
		if _, isLit := ast.Unparen(elt).(*ast.CompositeLit); !isLit && !api.IsConst(ev.info, elt) {
			return false
		}
	}
	return true
}

// assigned returns the value of a variable of this package from its
// assignments, when we saw its declaration.
func (ev *evaluator) assigned(v *types.Var, depth int) (value, bool) {
	if val, ok := ev.vars[v]; ok {
		return val, true
	}
	ws, ok := ev.x.writes[v]
	if !ok || !ev.x.declared[v] {
		return nil, false
	}
	if ev.busy[v] {
		return unknown, true
	}
	ev.busy[v] = true
	defer delete(ev.busy, v)
	var vs []value
	if ev.x.escaped[v] && !isBuilder(v.Type()) || v.Exported() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		// Its address is taken, or other packages may assign it.
		vs = append(vs, unknown)
	}
	for _, w := range ws {
		switch {
		case w.zero:
			if isString(v.Type()) {
				vs = append(vs, lit(""))
			} else {
				vs = append(vs, unknown)
			}
		case w.rhs == nil:
			vs = append(vs, unknown)
		case w.add:
			vs = append(vs, concat(unknown, ev.eval(w.rhs, depth+1)))
		default:
			vs = append(vs, ev.eval(w.rhs, depth+1))
		}
	}
	val := union(vs)
	ev.vars[v] = val
	return val, true
}

// field evaluates a struct field selection x.f, or a method value: the
// field's name or type may denote an ID.
func (ev *evaluator) field(sel *ast.SelectorExpr) value {
	s, ok := ev.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return unknown
	}
	if idLike(sel.Sel.Name, s.Obj().Type()) != "" {
		return unboundedValue(sel, "an ID")
	}
	return unknown
}

// namedIDType reports whether t is a named type whose name denotes an ID
// (type OrderID string).
func namedIDType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && denotesID(n.Obj().Name())
}

// call evaluates a call: conversions, fmt and strings formatting, builders,
// String and Error methods, and same-package functions.
func (ev *evaluator) call(call *ast.CallExpr, depth int) value {
	if tv, ok := ev.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return ev.eval(call.Args[0], depth+1)
		}
		return unknown
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := ev.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			return derived(ev.evalAll(call.Args, depth))
		}
	}
	fn := api.Callee(ev.info, call)
	if fn == nil {
		return unknown
	}
	args := call.Args
	switch name := api.FullName(fn); name {
	case "fmt.Sprintf":
		if len(args) > 0 {
			return ev.sprintf(args[0], args[1:], depth)
		}
	case "fmt.Sprint":
		return ev.sprint(args, depth)
	case "fmt.Sprintln", "fmt.Appendf", "fmt.Append":
		return derived(ev.evalAll(args, depth))
	case "strings.Join":
		if len(args) == 2 {
			return ev.join(args[0], args[1], depth)
		}
	case "path.Join", "path/filepath.Join", "net/url.JoinPath":
		return derived(ev.evalAll(args, depth))
	case "(*strings.Builder).String", "(*bytes.Buffer).String", "(*bytes.Buffer).Bytes":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v := ev.x.builderVar(sel.X); v != nil {
				return derived(ev.evalAll(ev.x.builderWrites[v], depth))
			}
		}
	case "(*runtime.Func).Name":
		return value{{kind: boundedPart, src: types.ExprString(call), symbol: true}}
	case "github.com/google/uuid.NewString":
		return unboundedValue(call, "a UUID")
	default:
		if fn.Pkg() != nil && stringFuncs[fn.Pkg().Path()] && fn.Type().(*types.Signature).Recv() == nil && len(args) > 0 {
			// strings.ToLower(x), strconv.Itoa(n), path.Base(p), ...
			return derived(ev.eval(args[0], depth+1))
		}
		if recv := api.Receiver(ev.info, call); recv != nil {
			if fn.Name() == "Error" && len(args) == 0 && isError(ev.typeOf(recv)) {
				return unboundedValue(call, "an error message")
			}
			// id.String(), t.Format(layout), u.Hostname(): a string
			// computed from an unbounded value is unbounded.
			if rv, ok := ev.source(recv); ok && returnsString(fn) {
				if p, isUnbounded := rv.unbounded(); isUnbounded {
					p.src = types.ExprString(call)
					return value{p}
				}
			}
			if fn.Name() == "String" && len(args) == 0 {
				return derived(ev.eval(recv, depth+1))
			}
		}
		if decl := ev.x.funcs[fn]; decl != nil {
			v := ev.returns(fn, decl, depth)
			if p, ok := v.unbounded(); ok {
				// Name the call the user wrote, and what it returns.
				p.why += " from " + p.src
				p.src = types.ExprString(call)
				return value{p}
			}
			return v
		}
	}
	return unknown
}

func returnsString(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Results().Len() == 1 && isString(sig.Results().At(0).Type())
}

// stringFuncs are the packages whose functions compute a string from their
// first argument: the result is unbounded when the argument is.
var stringFuncs = map[string]bool{
	"strings": true, "strconv": true, "path": true, "path/filepath": true, "net/url": true,
}

func (ev *evaluator) evalAll(es []ast.Expr, depth int) value {
	var out value
	for _, e := range es {
		out = append(out, ev.eval(e, depth+1)...)
	}
	return out
}

// returns evaluates a call of a same-package function from its return
// statements.
func (ev *evaluator) returns(fn *types.Func, decl *ast.FuncDecl, depth int) value {
	if val, ok := ev.funcs[fn]; ok {
		return val
	}
	if ev.busy[fn] {
		return unknown
	}
	sig := fn.Type().(*types.Signature)
	i := -1
	for j := 0; j < sig.Results().Len(); j++ {
		if isString(sig.Results().At(j).Type()) {
			i = j
			break
		}
	}
	if i < 0 {
		return unknown
	}
	ev.busy[fn] = true
	defer delete(ev.busy, fn)
	results, complete := returnedValues(decl.Body, i)
	var vs []value
	for _, r := range results {
		vs = append(vs, ev.eval(r, depth+1))
	}
	if !complete {
		vs = append(vs, unknown)
	}
	val := union(vs)
	ev.funcs[fn] = val
	return val
}

// sprintf evaluates fmt.Sprintf(format, args...) verb by verb.
func (ev *evaluator) sprintf(format ast.Expr, args []ast.Expr, depth int) value {
	fs, ok := api.StringConst(ev.info, format)
	if !ok {
		return derived(ev.evalAll(args, depth))
	}
	var out value
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, lit(text.String())...)
			text.Reset()
		}
	}
	argi := 0
	for i := 0; i < len(fs); i++ {
		if fs[i] != '%' {
			text.WriteByte(fs[i])
			continue
		}
		i++
		if i < len(fs) && fs[i] == '%' {
			text.WriteByte('%')
			continue
		}
		plain := true
		for i < len(fs) && strings.IndexByte("+-# 0123456789.*[]", fs[i]) >= 0 {
			switch fs[i] {
			case '[':
				// explicit argument indexes: keep only what the
				// arguments tell together.
				return concat(out, lit(text.String()), derived(ev.evalAll(args, depth)))
			case '*':
				argi++
			}
			plain = false
			i++
		}
		if i >= len(fs) {
			break
		}
		verb := fs[i]
		if argi >= len(args) {
			flush()
			out = append(out, unknown...)
			continue
		}
		if verb == 'T' {
			// A type name: bounded whatever the value.
			argi++
			flush()
			out = append(out, bounded...)
			continue
		}
		v := ev.eval(args[argi], depth+1)
		if hasStringMethod(ev.typeOf(args[argi])) {
			// fmt prints what String or Error returns, not the constant.
			v = derived(v)
		}
		argi++
		if s, isConst := v.constant(); isConst && plain && (verb == 's' || verb == 'v' || verb == 'd') {
			text.WriteString(s)
			continue
		} else if isConst && plain && verb == 'q' {
			text.WriteString(strconv.Quote(s))
			continue
		}
		flush()
		out = append(out, derivedParts(v)...)
	}
	flush()
	return out
}

// hasStringMethod reports whether fmt formats values of type t with their
// String or Error method.
func hasStringMethod(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, isBasic := t.(*types.Basic); isBasic {
		return false
	}
	for _, m := range []string{"String", "Error"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj != nil {
			if _, isFunc := obj.(*types.Func); isFunc {
				return true
			}
		}
	}
	return false
}

// derivedParts keeps v when it has unbounded parts (they make the
// suggested name) and reduces it to one part otherwise.
func derivedParts(v value) value {
	if _, ok := v.unbounded(); ok {
		return v
	}
	return derived(v)
}

// sprint evaluates fmt.Sprint(args...): a concatenation when every operand
// is a string.
func (ev *evaluator) sprint(args []ast.Expr, depth int) value {
	var out value
	for _, a := range args {
		if !isString(ev.typeOf(a)) {
			return derived(ev.evalAll(args, depth))
		}
		out = append(out, ev.eval(a, depth+1)...)
	}
	return out
}

// join evaluates strings.Join(elems, sep).
func (ev *evaluator) join(elems, sep ast.Expr, depth int) value {
	lit, ok := ast.Unparen(elems).(*ast.CompositeLit)
	if !ok {
		return derived(ev.eval(elems, depth+1))
	}
	sepv := ev.eval(sep, depth+1)
	var out value
	for i, elt := range lit.Elts {
		if i > 0 {
			out = append(out, sepv...)
		}
		out = append(out, ev.eval(elt, depth+1)...)
	}
	return out
}
