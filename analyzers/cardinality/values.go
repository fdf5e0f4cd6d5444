package cardinality

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// A def is one assignment to a local variable, recorded during the walk so
// that values can be followed through locals within a function.
type def struct {
	rhs   ast.Expr // the assigned value; nil for the zero value of var x T
	index int      // the result index when rhs is a multi-value call, else -1
	key   ast.Expr // for m[key] = rhs: the key
	scope ast.Node // the innermost block holding the assignment
	pos   token.Pos
	kind  defKind
	op    token.Token // for defOpAssign: the operator (token.ADD_ASSIGN for x += v)
}

type defKind int

const (
	defAssign     defKind = iota // x = v, x := v, var x = v
	defOpAssign                  // x += v
	defIndex                     // x[k] = v
	defRange                     // for k, v := range x
	defRangeIndex                // for i := range list: a position in a list
)

// reachingDefs returns the assignments to v whose value may be the one v
// holds at pos: the last assignment before pos in a block enclosing pos,
// plus every later assignment before pos (in conditional blocks: the
// branches of an if or a switch). It is flow-insensitive otherwise. The
// second result reports whether v's value at function entry (a parameter's
// argument) may still reach pos.
func (c *checker) reachingDefs(v *types.Var, pos token.Pos) ([]def, bool) {
	c.ensureIndexed(v)
	var before []def
	for _, d := range c.defs[v] {
		if d.pos < pos && d.kind != defIndex {
			before = append(before, d)
		}
	}
	last := -1
	for i, d := range before {
		if d.kind != defOpAssign && d.scope != nil && d.scope.Pos() <= pos && pos < d.scope.End() {
			last = i
		}
	}
	if last < 0 {
		return before, true
	}
	return before[last:], false
}

// verdict is what is known about the number of distinct values an
// expression takes.
type verdict int

const (
	unknown   verdict = iota
	bounded           // a constant, an enum, a route pattern, ...
	unbounded         // an id, a raw path, a timestamp, ...
)

// judgement is a verdict with its reason.
type judgement struct {
	v      verdict
	what   string   // "a raw request path", "named like a user id"
	advice string   // what to do instead
	origin ast.Expr // the expression the unbounded value comes from
	byName bool     // judged by the name of origin
}

var (
	isBounded = judgement{v: bounded}
	isUnknown = judgement{}
)

func unboundedAt(e ast.Expr, what, advice string) judgement {
	if advice == "" {
		advice = adviceMove
	}
	return judgement{v: unbounded, what: what, advice: advice, origin: e}
}

// highCardTypes are types whose values are unbounded by nature.
var highCardTypes = []struct {
	path, name, what, advice string
}{
	{"github.com/google/uuid", "UUID", "a uuid", ""},
	{api.TracePath, "TraceID", "a trace id", ""},
	{api.TracePath, "SpanID", "a span id", ""},
	{api.TracePath, "SpanContext", "a span context", ""},
	{"time", "Time", "a timestamp", adviceTime},
	{"net/url", "URL", "a full URL", adviceURL},
	{"net", "IP", "an IP address", ""},
	{"net/netip", "Addr", "an IP address", ""},
	{"net/netip", "AddrPort", "an IP address", ""},
}

// highCardType reports whether t (or *t) is a type of unbounded values.
func highCardType(t types.Type) (what, advice string, ok bool) {
	for _, h := range highCardTypes {
		if api.IsNamed(t, h.path, h.name) {
			return h.what, h.advice, true
		}
	}
	return "", "", false
}

// fieldJudgements are fields whose values are unbounded (or bounded)
// whatever their name says, keyed by "pkgpath.Type.Field".
var fieldJudgements = map[string]judgement{
	"net/http.Request.RequestURI":    {v: unbounded, what: "the raw request URI", advice: adviceURL},
	"net/http.Request.RemoteAddr":    {v: unbounded, what: "the client address"},
	"net/http.Request.ContentLength": {v: unbounded, what: "a request size"},
	"net/http.Request.Pattern":       isBounded,
	"net/http.Request.Method":        isBounded,
	"net/http.Request.Proto":         isBounded,
	"net/http.Response.StatusCode":   isBounded,
	"net/http.Response.Status":       isBounded,
	"net/url.URL.Path":               {v: unbounded, what: "a raw request path", advice: adviceURL},
	"net/url.URL.RawPath":            {v: unbounded, what: "a raw request path", advice: adviceURL},
	"net/url.URL.RawQuery":           {v: unbounded, what: "a query string", advice: adviceURL},
	"net/url.URL.Fragment":           {v: unbounded, what: "a URL fragment", advice: adviceURL},
	"net/url.URL.Opaque":             {v: unbounded, what: "a raw URL", advice: adviceURL},
	"net/url.URL.Scheme":             isBounded,
}

// callJudgements are functions and methods whose result is unbounded,
// keyed by full name.
var callJudgements = map[string]judgement{
	"(*net/url.URL).String":            {v: unbounded, what: "a full URL", advice: adviceURL},
	"(*net/url.URL).RequestURI":        {v: unbounded, what: "the raw request URI", advice: adviceURL},
	"(*net/url.URL).EscapedPath":       {v: unbounded, what: "a raw request path", advice: adviceURL},
	"(*net/url.URL).EscapedFragment":   {v: unbounded, what: "a URL fragment", advice: adviceURL},
	"(*net/url.URL).Redacted":          {v: unbounded, what: "a full URL", advice: adviceURL},
	"(net/url.Values).Encode":          {v: unbounded, what: "a query string", advice: adviceURL},
	"(*net/http.Request).Referer":      {v: unbounded, what: "a referrer URL", advice: adviceURL},
	"(*net/http.Request).UserAgent":    {v: unbounded, what: "a user agent string"},
	"github.com/google/uuid.NewString": {v: unbounded, what: "a uuid"},
	"time.Since":                       {v: unbounded, what: "an elapsed time", advice: "record it as the measured value of a histogram, not as an attribute"},
	"time.Until":                       {v: unbounded, what: "a time difference", advice: "record it as the measured value of a histogram, not as an attribute"},
	"(time.Time).Sub":                  {v: unbounded, what: "a time difference", advice: "record it as the measured value of a histogram, not as an attribute"},
}

// keyedLookups are request accessors whose result is judged by the name of
// the header, form field or parameter they read: r.Header.Get("X-Request-ID").
var keyedLookups = map[string]bool{
	"(net/http.Header).Get":             true,
	"(net/http.Header).Values":          true,
	"(*net/http.Request).FormValue":     true,
	"(*net/http.Request).PostFormValue": true,
	"(*net/http.Request).PathValue":     true,
	"(net/url.Values).Get":              true,
}

// timeMethods are the time.Time methods whose results are unbounded.
var timeMethods = map[string]bool{
	"Format": true, "String": true, "AppendFormat": true, "GoString": true,
	"Unix": true, "UnixMilli": true, "UnixMicro": true, "UnixNano": true,
	"MarshalText": true, "MarshalJSON": true,
}

// passThrough are packages whose string functions keep their argument's
// cardinality: strings.ToLower(r.URL.Path) is as unbounded as r.URL.Path.
var passThrough = map[string]bool{
	"strings": true, "path": true, "path/filepath": true, "net/url": true, "html": true,
}

const maxDepth = 8

// judge decides whether e takes unbounded values, following local
// variables within the function.
func (c *checker) judge(e ast.Expr, depth int) judgement {
	if e == nil || depth > maxDepth {
		return isUnknown
	}
	e = ast.Unparen(e)
	info := c.info
	if api.IsConst(info, e) {
		return isBounded
	}
	if namesTenant(c.info, e) && !c.policy.tenantDenied() {
		return isBounded // per-tenant series are a multi-tenant service's design
	}
	t := api.TypeOf(info, e)
	if t != nil {
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
			return isBounded
		}
		if c.isEnumType(t) {
			return isBounded
		}
	}
	switch e := e.(type) {
	case *ast.Ident:
		return c.judgeIdent(e, depth)
	case *ast.SelectorExpr:
		if j, ok := c.judgeField(e); ok {
			return j
		}
	case *ast.CallExpr:
		if j := c.judgeCall(e, depth); j.v != unknown {
			return j
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return combine(c.judge(e.X, depth+1), c.judge(e.Y, depth+1))
		}
	case *ast.StarExpr:
		return c.judge(e.X, depth+1)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.judge(e.X, depth+1)
		}
	}
	if what, advice, ok := highCardType(t); ok {
		return unboundedAt(e, what, advice)
	}
	return isUnknown
}

// combine is the judgement of a value built from two parts.
func combine(a, b judgement) judgement {
	switch {
	case a.v == unbounded:
		return a
	case b.v == unbounded:
		return b
	case a.v == bounded && b.v == bounded:
		return isBounded
	}
	return isUnknown
}

func (c *checker) judgeIdent(id *ast.Ident, depth int) judgement {
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return isUnknown
	}
	if what, advice, ok := highCardType(v.Type()); ok {
		return unboundedAt(id, what, advice)
	}
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		// A package-level variable holds a process-wide value (a
		// version, a host name, a flag), unless its name says otherwise.
		if j := c.judgeName(id, v.Name()); j.v == unbounded {
			return j
		}
		return isBounded
	}
	if v.Parent() == nil || v.IsField() {
		return c.judgeName(id, v.Name())
	}
	defs, entry := c.reachingDefs(v, id.Pos())
	result := isBounded
	if entry {
		result = isUnknown // a parameter, a range variable, a captured value
	}
	// One unbounded assignment makes the value unbounded; it is bounded
	// only when all are.
	for _, d := range defs {
		if result = combine(result, c.judgeDef(d, depth)); result.v == unbounded {
			return result
		}
	}
	if result.v == unknown {
		return c.judgeName(id, v.Name())
	}
	return result
}

func (c *checker) judgeDef(d def, depth int) judgement {
	switch d.kind {
	case defRange:
		return isUnknown
	case defRangeIndex:
		return isBounded
	case defOpAssign:
		return c.judge(d.rhs, depth+1)
	}
	if d.rhs == nil {
		return isBounded // the zero value
	}
	if d.index >= 0 {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok {
			return isUnknown
		}
		if tup, ok := api.TypeOf(c.info, call).(*types.Tuple); ok && d.index < tup.Len() {
			if what, advice, ok := highCardType(tup.At(d.index).Type()); ok {
				return unboundedAt(call, what, advice)
			}
		}
		return isUnknown
	}
	return c.judge(d.rhs, depth+1)
}

// judgeName judges a variable or field by its name: userID, req.SessionID.
func (c *checker) judgeName(e ast.Expr, name string) judgement {
	if d, ok := c.policy.deniedName(name); ok {
		j := unboundedAt(e, "named like "+d.what, d.advice)
		j.byName = true
		return j
	}
	return isUnknown
}

func (c *checker) judgeField(sel *ast.SelectorExpr) (judgement, bool) {
	s, ok := c.info.Selections[sel]
	if !ok {
		// A qualified identifier: pkg.Var, a process-wide value like a
		// package-level variable of this package.
		if _, ok := c.info.ObjectOf(sel.Sel).(*types.Var); ok {
			if what, advice, ok := highCardType(api.TypeOf(c.info, sel)); ok {
				return unboundedAt(sel, what, advice), true
			}
			if j := c.judgeName(sel, sel.Sel.Name); j.v == unbounded {
				return j, true
			}
			return isBounded, true
		}
		return isUnknown, false
	}
	if s.Kind() != types.FieldVal {
		return isUnknown, false
	}
	field := s.Obj()
	if fv, ok := field.(*types.Var); ok && c.emptyOnClientRequest(sel, fv) {
		return isBounded, true // r.RequestURI in a RoundTripper: always ""
	}
	if recv := api.NamedOf(s.Recv()); recv != nil && recv.Obj().Pkg() != nil {
		if j, ok := fieldJudgements[recv.Obj().Pkg().Path()+"."+recv.Obj().Name()+"."+field.Name()]; ok {
			if j.v == unbounded {
				j.origin = sel
			}
			return j, true
		}
	}
	if what, advice, ok := highCardType(field.Type()); ok {
		return unboundedAt(sel, what, advice), true
	}
	name := field.Name()
	if ws := api.Words(name); len(ws) == 1 && (ws[0] == "id" || ws[0] == "email") {
		// order.ID, user.Email: the owner names what is identified.
		if owner := ownerName(s.Recv(), sel.X); owner != "" {
			name = owner + "_" + name
		}
	}
	if j := c.judgeName(sel, name); j.v == unbounded {
		return j, true
	}
	return isUnknown, false
}

// ownerName names the value a field belongs to: its type's name, else the
// variable's.
func ownerName(recv types.Type, x ast.Expr) string {
	if n := api.NamedOf(recv); n != nil {
		return n.Obj().Name()
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

func (c *checker) judgeCall(call *ast.CallExpr, depth int) judgement {
	info := c.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.judge(call.Args[0], depth+1) // a conversion
	}
	fn := api.Callee(info, call)
	if fn == nil {
		return isUnknown
	}
	full := api.FullName(fn)
	if j, ok := callJudgements[full]; ok {
		j.origin = call
		return j
	}
	if keyedLookups[full] && len(call.Args) == 1 {
		if k, ok := api.StringConst(info, call.Args[0]); ok {
			if d, ok := c.policy.deniedKey(k); ok {
				return unboundedAt(call, d.what+" from "+quote(k), d.advice)
			}
		}
		return isUnknown
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		if j, ok := c.judgeMethod(call, fn, sig); ok {
			return j
		}
	}
	if fn.Pkg() == nil {
		return isUnknown
	}
	switch path := fn.Pkg().Path(); {
	case path == "github.com/google/uuid" && sig != nil && sig.Recv() == nil && strings.HasPrefix(fn.Name(), "New"):
		return unboundedAt(call, "a uuid", "")
	case path == "fmt" && strings.HasPrefix(fn.Name(), "Sprint"):
		args := call.Args
		if fn.Name() == "Sprintf" && len(args) > 0 {
			args = c.formattedArgs(args[0], args[1:])
		}
		return c.judgeAll(args, depth)
	case path == "strconv" && (strings.HasPrefix(fn.Name(), "Format") || strings.HasPrefix(fn.Name(), "Quote") || fn.Name() == "Itoa"):
		if len(call.Args) > 0 {
			if j := c.judge(call.Args[0], depth+1); j.v != unknown {
				return j
			}
			return c.judgeNumericID(call.Args[0])
		}
	case passThrough[path] && sig != nil && sig.Recv() == nil && sig.Results().Len() >= 1 && isString(sig.Results().At(0).Type()):
		if fn.Name() == "Join" && path != "path" && path != "path/filepath" {
			return isUnknown
		}
		return c.judgeAll(call.Args, depth)
	}
	return isUnknown
}

// judgeAll judges a value formatted from args: unbounded if one is.
func (c *checker) judgeAll(args []ast.Expr, depth int) judgement {
	result := isBounded
	for _, a := range args {
		j := c.judge(a, depth+1)
		if j.v == unknown && c.isErrorValue(a) {
			j = unboundedAt(a, "an error message", "record a bounded error type or code instead")
		}
		result = combine(result, j)
		if result.v == unbounded {
			return result
		}
	}
	return result
}

// judgeMethod judges a method call by its receiver: t.Format(...) of a
// time.Time, id.String() of a uuid, err.Error().
func (c *checker) judgeMethod(call *ast.CallExpr, fn *types.Func, sig *types.Signature) (judgement, bool) {
	recv := api.Receiver(c.info, call)
	if recv == nil {
		return isUnknown, false
	}
	rt := api.TypeOf(c.info, recv)
	if api.IsNamed(rt, "time", "Time") {
		if timeMethods[fn.Name()] {
			return unboundedAt(call, "a formatted timestamp", adviceTime), true
		}
		return isUnknown, false
	}
	if what, advice, ok := highCardType(rt); ok && sig.Results().Len() >= 1 {
		if _, isBasic := sig.Results().At(0).Type().Underlying().(*types.Basic); isBasic || isString(sig.Results().At(0).Type()) {
			return unboundedAt(call, what, advice), true
		}
	}
	if api.IsNamed(rt, "time", "Duration") {
		if j := c.judge(recv, 1); j.v == unbounded {
			return j, true
		}
		return isUnknown, false
	}
	if fn.Name() == "Error" && sig.Params().Len() == 0 && sig.Results().Len() == 1 && isString(sig.Results().At(0).Type()) && c.isErrorValue(recv) {
		return unboundedAt(call, "an error message", "record a bounded error type or code instead"), true
	}
	return isUnknown, false
}

// isErrorValue reports whether e is an error that is not a package-level
// sentinel (whose message is one constant string).
func (c *checker) isErrorValue(e ast.Expr) bool {
	t := api.TypeOf(c.info, e)
	if t == nil || !types.Implements(t, errorIface) {
		return false
	}
	if v, ok := api.ObjectOf(c.info, e).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return false // a sentinel error
	}
	return true
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isEnumType reports whether t is a named type of basic underlying type
// for which its package declares constants: an enum, whose values are
// bounded by its constants.
func (c *checker) isEnumType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if _, ok := n.Underlying().(*types.Basic); !ok {
		return false
	}
	if v, ok := c.enums[n]; ok {
		return v
	}
	found := false
	scope := n.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		if k, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(k.Type(), n) {
			found = true
			break
		}
	}
	if api.IsNamed(n, "time", "Duration") || api.IsNamed(n, api.AttributePath, "Key") {
		found = false
	}
	c.enums[n] = found
	return found
}

// formattedArgs returns the arguments of a Sprintf call whose formatted
// text can vary with their value: all of them, less those printed with %T
// (a type name is bounded) when the format is a constant.
func (c *checker) formattedArgs(format ast.Expr, args []ast.Expr) []ast.Expr {
	f, ok := api.StringConst(c.info, format)
	if !ok {
		return args
	}
	var out []ast.Expr
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		for i < len(f) && strings.IndexByte("+-# 0123456789.*", f[i]) >= 0 {
			i++
		}
		if i >= len(f) {
			break
		}
		switch f[i] {
		case '%':
			continue
		case '[':
			return args // explicit argument indexes: keep them all
		}
		if n < len(args) && f[i] != 'T' {
			out = append(out, args[n])
		}
		n++
	}
	if n < len(args) {
		out = append(out, args[n:]...) // extra arguments are printed too
	}
	return out
}

// judgeNumericID judges an integer formatted as a string by its name: any
// integer named like an id (id, o.ID, itemID) is a row or entity number,
// unbounded once printed.
func (c *checker) judgeNumericID(e ast.Expr) judgement {
	t := api.TypeOf(c.info, e)
	if t == nil {
		return isUnknown
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return isUnknown
	}
	var name string
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return isUnknown
	}
	if ws := api.Words(name); len(ws) > 0 && ws[len(ws)-1] == "id" {
		j := unboundedAt(e, "named like a numeric id", "")
		j.byName = true
		return j
	}
	return isUnknown
}

// namesTenant reports whether e is named for a tenant: tenantID,
// q.tenantId, tenant.ID, t.ID of a value of a type named Tenant, or the
// String() of one (tenantId.String()). A tenant identifies a customer of a
// multi-tenant service: bounded by the number of tenants, and per-tenant
// series are how such a service is run and billed, not an accident. A team
// that finds its tenants too many lists tenant_id in -cardinality.keys.
func namesTenant(info *types.Info, e ast.Expr) bool {
	for depth := 0; depth < 4; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return hasWord(x.Name, "tenant") || depth > 0 && typeNamesTenant(api.TypeOf(info, x))
		case *ast.SelectorExpr:
			if hasWord(x.Sel.Name, "tenant") {
				return true
			}
			if ws := api.Words(x.Sel.Name); len(ws) == 1 && ws[0] == "id" {
				if typeNamesTenant(api.TypeOf(info, x.X)) {
					return true // t.ID of a Tenant
				}
				e = x.X // tenant.ID: the id of the tenant
				continue
			}
			return false
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || len(x.Args) != 0 || sel.Sel.Name != "String" {
				return false
			}
			e = sel.X
		default:
			return false
		}
	}
	return false
}

// typeNamesTenant reports whether t is (a pointer to) a named type whose
// name says tenant (Tenant, TenantConfig).
func typeNamesTenant(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && hasWord(n.Obj().Name(), "tenant")
}

func hasWord(name, word string) bool {
	return slices.Contains(api.Words(name), word)
}
