package pii

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// checker holds the per-package state of the rule.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	r    *lint.Reporter
	v    *vocab

	tagKey, tagValue string

	// fields records whether each unexported field of a struct of the
	// package is only ever written constants (see constfields.go).
	fields fieldWrites
	// assigns maps each variable to the expressions assigned to it
	// anywhere in the package (flow-insensitive; closures share the map).
	assigns map[*types.Var][]rhs
	// guards are the nil guards of each variable (see nilguard.go).
	guards map[*types.Var][]nilGuard
	memo   map[varUse]flow
	busy   map[*types.Var]bool
	// funcLits are the function literals of the package, to tell a use
	// in a closure (which may run after any assignment) from a plain one.
	funcLits []span
	// returns are the return statements of the package's declared
	// functions, for following a value through a same-package call.
	returns map[*types.Func][]*ast.ReturnStmt
	results map[funcResult]flow
	// following is the stack of same-package functions whose bodies are
	// being followed; their parameters stand for the arguments of the call.
	following []*types.Func
	// attrCtx names the sink an attribute constructor feeds, by the call
	// it is an argument of (span.SetAttributes, metric.WithAttributes).
	attrCtx map[*ast.CallExpr]string
	sinks   []ast.Node
	// bodySinks are the possible sinks of each declared function, and
	// summaries what each function does with its parameters (see
	// wrappers.go); summary is the one being computed, if any.
	bodySinks map[*types.Func][]ast.Node
	// diagnostic marks the sinks in a debug record or a debugging
	// component (debugDump, a DebugTransport's methods), and inDiagnostic
	// tells whether the sink being checked is one: a whole payload dumped
	// there is a diagnosis someone switches on.
	diagnostic   map[ast.Node]bool
	inDiagnostic bool
	summaries    map[*types.Func]*summary
	summary      *summary

	exposure map[exposureKey]*exposed
	noReturn *lint.Flow // built on first use
	// failures are the branches that run only when an outgoing call
	// failed (see failure.go).
	failures []span
	skipFile map[*token.File]bool
	// refs are the fields and variables the package names a secret by
	// (see secretrefs.go).
	refs secretRefs
}

// rhs is one value assigned to a variable: e itself, the idx'th result of
// the tuple e, or (for a range statement) an element of e.
type rhs struct {
	e   ast.Expr
	idx int
	// pos is where the assignment happens; fences are the enclosing blocks
	// that end in a return or panic, out of which it reaches no use.
	pos    token.Pos
	fences []span
	// home is the block whose statement list holds the assignment.
	home span
	// appends is true when the assignment adds to the old value (s +=
	// x, sb.WriteString(x)) rather than replacing it.
	appends bool
}

// span is the extent of a block.
type span struct{ pos, end token.Pos }

func (s span) contains(p token.Pos) bool { return s.pos <= p && p < s.end }

// source is where personal data enters: a named value, a tagged field, a
// struct formatted whole or a whole body.
type source struct {
	// params is set instead of the rest when the value comes from
	// parameters (or the receiver) of a followed function: the caller
	// substitutes its arguments.
	params []*types.Var

	check string
	expr  string // the origin as written: u.Email, io.ReadAll(r.Body)
	desc  string // what it is: "an email address"
	// numeric is set for identifiers that are numbers by nature (card
	// number, CVV, SSN, phone number): a number computed from them, or one
	// of their digits, is still personal data.
	numeric bool
	// identity is set for an identity (see concept.identity): not a
	// defect in span attributes.
	identity bool
	// response is set for the body of an answer to an outgoing call: on
	// a failure path it is the call's error message (see failure.go).
	response bool
	// struct-dump only
	field  string // the exposed field path: Password, Account.Token
	typ    string // the struct type
	method string // the method that would control formatting
	// spanField and spanDesc name the first exposed field that is not an
	// identity, when field is one: what span data must not show.
	spanField, spanDesc string
}

// flow is what is known of a value: the personal data it carries, or that
// it is clean (a constant, or passed through a redaction helper).
type flow struct {
	src   *source
	clean bool
}

// funcResult is one result of a function.
type funcResult struct {
	fn  *types.Func
	idx int
}

// varUse is a variable read at a position, while following a function's
// body or not.
type varUse struct {
	v      *types.Var
	pos    token.Pos
	follow *types.Func
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		r:        lint.NewReporter(pass, "pii", checks),
		v:        vocabFor(optional.get(), extraWords.get(), ignoreWord.get()),
		assigns:  map[*types.Var][]rhs{},
		guards:   map[*types.Var][]nilGuard{},
		memo:     map[varUse]flow{},
		busy:     map[*types.Var]bool{},
		returns:  map[*types.Func][]*ast.ReturnStmt{},
		results:  map[funcResult]flow{},
		attrCtx:  map[*ast.CallExpr]string{},
		exposure: map[exposureKey]*exposed{},
		skipFile: map[*token.File]bool{},
		refs:     secretRefs{objs: map[types.Object]bool{}},

		bodySinks:  map[*types.Func][]ast.Node{},
		diagnostic: map[ast.Node]bool{},
		summaries:  map[*types.Func]*summary{},
	}
	c.tagKey, c.tagValue = sensitiveTag()
	return c
}

// flowOf returns what is known of the value of e.
func (c *checker) flowOf(e ast.Expr) flow {
	return c.flowAt(e, -1, 0)
}

const maxDepth = 40

// flowAt returns what is known of e, or of its idx'th result when e is a
// tuple-valued call, comma-ok index or type assertion (idx ≥ 0).
func (c *checker) flowAt(e ast.Expr, idx, depth int) flow {
	if e == nil || depth > maxDepth {
		return flow{}
	}
	if idx < 0 && api.IsConst(c.info, e) {
		return flow{clean: true}
	}
	depth++
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		switch o := c.info.ObjectOf(x).(type) {
		case *types.Var:
			if !o.IsField() {
				return c.varFlow(o, x.Pos(), depth)
			}
		case *types.Const:
			return flow{clean: true}
		case *types.Nil:
			return flow{clean: true}
		}
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok {
			if sel.Kind() == types.FieldVal {
				return c.fieldFlow(x, sel)
			}
			return flow{}
		}
		if v, ok := c.info.Uses[x.Sel].(*types.Var); ok { // pkg.Var
			return c.varFlow(v, x.Pos(), depth)
		}
	case *ast.CallExpr:
		return c.callFlow(x, idx, depth)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return combine(c.flowAt(x.X, -1, depth), c.flowAt(x.Y, -1, depth))
		}
		return flow{clean: true} // comparisons, arithmetic on non-identifiers
	case *ast.IndexExpr:
		if idx > 0 {
			return flow{clean: true} // the ok of v, ok := m[k]
		}
		return c.indexFlow(x, depth)
	case *ast.SliceExpr:
		f := c.flowAt(x.X, -1, depth)
		if f.src != nil && f.src.check != checkBody && f.src.check != checkStruct {
			// token[:8], card[len(card)-4:]: a prefix or suffix kept is
			// the usual way of truncating a secret.
			return flow{clean: true}
		}
		return f
	case *ast.StarExpr:
		return c.flowAt(x.X, -1, depth)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.flowAt(x.X, -1, depth)
		}
	case *ast.TypeAssertExpr:
		if idx > 0 {
			return flow{clean: true}
		}
		return c.flowAt(x.X, -1, depth)
	case *ast.CompositeLit:
		if t := api.TypeOf(c.info, x); t != nil {
			switch t.Underlying().(type) {
			case *types.Slice, *types.Array:
				f := flow{clean: true}
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						el = kv.Value
					}
					f = combine(f, c.flowAt(el, -1, depth))
				}
				return f
			}
		}
	}
	return flow{}
}

// combine joins what is known of two parts of one value (a concatenation,
// the assignments of a variable): it carries personal data if either part
// does, and is clean only if both are. Of two sources the one that is a
// defect in more sinks is kept: "login " + email + " with " + token is a
// token wherever it goes.
func combine(a, b flow) flow {
	switch {
	case a.src != nil && a.src.params == nil && a.src.identity && b.src != nil && b.src.params == nil && !b.src.identity:
		return b
	case a.src != nil && a.src.params == nil:
		return a
	case b.src != nil && b.src.params == nil:
		return b
	case a.src != nil && b.src != nil:
		return flow{src: &source{params: append(append([]*types.Var(nil), a.src.params...), b.src.params...)}}
	case a.src != nil:
		return a
	case b.src != nil:
		return b
	}
	return flow{clean: a.clean && b.clean}
}

// varFlow decides a variable: a local whose every assignment is clean is
// clean whatever its name (email := maskEmail(u.Email)); otherwise a name
// denoting personal data makes it a source; otherwise it carries what its
// assignments carry (msg := "login " + email).
func (c *checker) varFlow(v *types.Var, use token.Pos, depth int) flow {
	var follow *types.Func
	if n := len(c.following); n > 0 {
		follow = c.following[n-1]
		if isParam(follow, v) {
			return flow{src: &source{params: []*types.Var{v}}}
		}
	}
	key := varUse{v, use, follow}
	if f, ok := c.memo[key]; ok {
		return f
	}
	if c.busy[v] {
		return flow{}
	}
	c.busy[v] = true
	f := c.decideVar(v, use, depth)
	delete(c.busy, v)
	c.memo[key] = f
	return f
}

func (c *checker) decideVar(v *types.Var, use token.Pos, depth int) flow {
	if api.ContainsRedactorWord(strings.ToLower(v.Name())) {
		return flow{clean: true}
	}
	closure := c.inClosure(v, use)
	var reaching []rhs
	for _, r := range c.assigns[v] {
		if closure || reaches(r, use) {
			reaching = append(reaching, r)
		}
	}
	if !closure {
		reaching = dropOverwritten(reaching, use)
	}
	var assigned flow
	n := 0
	for _, r := range reaching {
		f := flow{clean: true} // nil, past a guard that returns otherwise
		if closure || !c.nilAtUse(v, r, use) {
			f = c.flowAt(r.e, r.idx, depth)
		}
		if n == 0 {
			assigned = f
		} else {
			assigned = combine(assigned, f)
		}
		n++
	}
	if n > 0 && assigned.clean {
		return assigned
	}
	if c.namesFetchedSecret(v, assigned) {
		// secretName := params[basicAuthSecretKey], then
		// Secrets(ns).Get(ctx, secretName): the package fetches a secret
		// by it, so it is the secret's name, whatever key it was read
		// under.
		return flow{clean: true}
	}
	if cpt := c.v.conceptOf(v.Name()); cpt != nil && qualifies(v.Type(), cpt) && (nameEvidenced(cpt) || assigned.src != nil) && !(cpt.id == "token" && c.splitsText(reaching)) {
		if c.isSecretRef(v, cpt) {
			return flow{clean: true} // the name of a secret the package fetches
		}
		return flow{src: namedSource(v.Name(), cpt)}
	}
	if cpt := c.typeConcept(v.Type()); cpt != nil {
		return flow{src: namedSource(v.Name(), cpt)}
	}
	return assigned
}

// typeConcept returns the personal data a named string type holds by its
// name (type EmailAddress string, type Password []byte), or nil.
func (c *checker) typeConcept(t types.Type) *concept {
	name := typeName(t)
	if name == "" || !isStringLike(types.Unalias(t)) && !isStringLike(derefType(t)) {
		return nil
	}
	if cpt := c.v.conceptOf(name); nameEvidenced(cpt) {
		return cpt
	}
	return nil // type Token string says no more than a bare name
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isParam reports whether v is a parameter or the receiver of fn.
func isParam(fn *types.Func, v *types.Var) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() == v {
		return true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return true
		}
	}
	return false
}

// reaches reports whether an assignment may reach a use at pos: it comes
// before it, and is not inside a block that returns without containing it
// (err = fmt.Errorf("...%s", email) in an if-block that returns does not
// reach the err logged after the block).
func reaches(r rhs, use token.Pos) bool {
	if !use.IsValid() {
		return true
	}
	if r.pos > use {
		return false
	}
	for _, f := range r.fences {
		if !f.contains(use) {
			return false
		}
	}
	return true
}

// dropOverwritten drops the assignments that a later one overwrites on
// every path to the use: phone = maskPhone(phone) at the top level of a
// block holding both the first assignment and the use.
//
// Within one home block only the latest plain assignment matters (it
// overwrites whatever an earlier one would), so the cost is the number of
// assignments times the nesting depth, not their square: a long function
// assigning err a thousand times stays linear.
func dropOverwritten(rs []rhs, use token.Pos) []rhs {
	if len(rs) < 2 || !use.IsValid() {
		return rs
	}
	// The home blocks containing use, each with its latest plain
	// assignment: as many as the blocks nest.
	type block struct {
		home span
		last token.Pos
	}
	var latest []block
next:
	for _, r := range rs {
		if r.appends || !r.home.pos.IsValid() || !r.home.contains(use) {
			continue
		}
		for i := range latest {
			if latest[i].home == r.home {
				latest[i].last = max(latest[i].last, r.pos)
				continue next
			}
		}
		latest = append(latest, block{r.home, r.pos})
	}
	if len(latest) == 0 {
		return rs
	}
	out := rs[:0:0]
	for _, r := range rs {
		overwritten := false
		for _, b := range latest {
			if b.last > r.pos && b.home.contains(r.pos) {
				overwritten = true
				break
			}
		}
		if !overwritten {
			out = append(out, r)
		}
	}
	return out
}

// inClosure reports whether use lies in a function literal that v is
// declared outside of: the closure may run after any assignment.
func (c *checker) inClosure(v *types.Var, use token.Pos) bool {
	for _, fl := range c.funcLits {
		if fl.contains(use) && !fl.contains(v.Pos()) {
			return true
		}
	}
	return false
}

// fieldFlow decides a struct field read: a tagged field, a field named for
// personal data, or a whole request header, form or body.
func (c *checker) fieldFlow(x *ast.SelectorExpr, sel *types.Selection) flow {
	f, ok := sel.Obj().(*types.Var)
	if !ok {
		return flow{}
	}
	if c.isTagged(fieldTag(sel.Recv(), sel.Index())) && !isBool(f.Type()) {
		return flow{src: &source{check: checkTagged, expr: exprText(x), desc: "a field tagged " + c.tagKey + `:"` + c.tagValue + `"`}}
	}
	if desc := httpWhole(sel.Recv(), f.Name()); desc != "" {
		return flow{src: &source{check: checkBody, expr: exprText(x), desc: desc}}
	}
	if api.IsNamed(sel.Recv(), "net/http", "Cookie") && f.Name() == "Value" {
		return flow{src: &source{check: checkNamed, expr: exprText(x), desc: "a cookie"}}
	}
	if api.ContainsRedactorWord(strings.ToLower(f.Name())) || c.onlyConstants(f) {
		return flow{clean: true}
	}
	owner, tag := fieldOwner(sel.Recv(), sel.Index())
	cpt := c.fieldConcept(owner, f, tag)
	if cpt == nil {
		cpt = c.typeConcept(f.Type())
	}
	if c.isSecretRef(f, cpt) {
		return flow{clean: true} // the name of a secret the package fetches
	}
	if cpt != nil {
		return flow{src: namedSource(exprText(x), cpt)}
	}
	return flow{}
}

// fieldConcept returns the personal data a field of the struct type owner
// holds: by its own name (User.Email), or by the type's name and its own
// read together (Card.Number, Phone.Number, Token.Value); nil when its
// type cannot hold it, or when a bare token's owner gives no evidence that
// it is a credential (fieldEvidenced).
func (c *checker) fieldConcept(owner types.Type, f *types.Var, tag string) *concept {
	ownerName := typeName(owner)
	cpt := c.v.conceptOf(f.Name())
	if cpt == nil && ownerName != "" && ownerQualified[strings.ToLower(f.Name())] && !api.ContainsRedactorWord(strings.ToLower(ownerName)) {
		cpt = c.v.conceptOf(ownerName + "_" + f.Name())
	}
	if cpt != nil && qualifies(f.Type(), cpt) && c.fieldEvidenced(cpt, owner, f, tag) {
		return cpt
	}
	return nil
}

// ownerQualified are the field names read together with their struct's
// name: Card.Number, Passport.ID, Token.Value (but not Token.Text).
var ownerQualified = map[string]bool{
	"number": true, "num": true, "no": true, "nr": true, "value": true, "val": true,
	"id": true, "code": true, "digits": true,
}

// fieldOwner returns the struct type that declares the field reached from
// recv by the selection index path, and the field's tag; nil when unknown.
func fieldOwner(recv types.Type, index []int) (types.Type, string) {
	t := recv
	for i, idx := range index {
		st := structOf(t)
		if st == nil || idx >= st.NumFields() {
			return nil, ""
		}
		if i == len(index)-1 {
			return t, st.Tag(idx)
		}
		t = st.Field(idx).Type()
	}
	return nil, ""
}

func typeName(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// httpWhole describes the fields of net/http requests and responses that
// hold every header, form value or the body at once.
func httpWhole(recv types.Type, field string) string {
	switch {
	case api.IsNamed(recv, "net/http", "Request"):
		switch field {
		case "Header":
			return "every request header, Authorization and Cookie included"
		case "Form", "PostForm":
			return "every submitted form value"
		case "MultipartForm":
			return "the whole multipart form"
		case "Trailer":
			return "every request trailer"
		}
	case api.IsNamed(recv, "net/http", "Response"):
		switch field {
		case "Header":
			return "every response header, Set-Cookie included"
		case "Trailer":
			return "every response trailer"
		}
	}
	return ""
}

// fieldTag returns the struct tag of the field reached from recv by the
// selection index path.
func fieldTag(recv types.Type, index []int) string {
	t := recv
	for i, idx := range index {
		st := structOf(t)
		if st == nil || idx >= st.NumFields() {
			return ""
		}
		if i == len(index)-1 {
			return st.Tag(idx)
		}
		t = st.Field(idx).Type()
	}
	return ""
}

func structOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// isTagged reports whether a struct tag marks its field sensitive.
func (c *checker) isTagged(tag string) bool {
	if tag == "" || c.tagKey == "" {
		return false
	}
	val, ok := reflect.StructTag(tag).Lookup(c.tagKey)
	if !ok {
		return false
	}
	for _, part := range strings.Split(val, ",") {
		if strings.TrimSpace(part) == c.tagValue {
			return true
		}
	}
	return false
}

// indexFlow decides m[k]: a map read under a constant key is judged by
// its key (claims["email"], r.Header["Authorization"]); an element of a
// slice carries what the slice carries.
func (c *checker) indexFlow(x *ast.IndexExpr, depth int) flow {
	t := api.TypeOf(c.info, x.X)
	if t == nil {
		return flow{}
	}
	if tv, ok := c.info.Types[x.X]; ok && !tv.IsValue() {
		return flow{} // a generic instantiation
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, isMap := t.Underlying().(*types.Map); isMap {
		f := c.keyedFlow(x, x.Index, api.TypeOf(c.info, x))
		if f.src == nil && !f.clean && c.isSecretData(x.X) {
			// secret.Data[key]: what a Secret holds, whatever the key.
			return flow{src: &source{check: checkNamed, expr: exprText(x), desc: "an entry of a secret's data"}}
		}
		return f
	}
	return c.flowAt(x.X, -1, depth)
}

// namedSource is the personal data a name denotes.
func namedSource(expr string, cpt *concept) *source {
	return &source{check: checkNamed, expr: expr, desc: cpt.desc, numeric: cpt.numeric, identity: cpt.identity}
}

// keyedFlow judges the value e read under a constant key (a map index,
// Header.Get, os.Getenv): it is a source when the key names personal data.
func (c *checker) keyedFlow(e, key ast.Expr, valueType types.Type) flow {
	k, ok := api.StringConst(c.info, key)
	if !ok {
		return flow{}
	}
	if api.ContainsRedactorWord(strings.ToLower(k)) {
		return flow{clean: true}
	}
	if cpt := c.v.conceptOf(k); cpt != nil && qualifies(valueType, cpt) {
		return flow{src: namedSource(exprText(e), cpt)}
	}
	return flow{}
}

// splitters cut a string into pieces.
var splitters = map[string]bool{
	"strings.Split": true, "strings.SplitN": true, "strings.SplitAfter": true, "strings.SplitAfterN": true,
	"strings.Fields": true, "strings.FieldsFunc": true,
	"bytes.Split": true, "bytes.SplitN": true, "bytes.Fields": true, "bytes.FieldsFunc": true,
}

// splitsText reports whether every assignment of a variable cuts a string
// into pieces (unitTokens := strings.SplitN(unit, "/", 2)), possibly
// appending more: tokens obtained that way are lexical, not credentials,
// and what the variable holds is decided by what was split.
func (c *checker) splitsText(rs []rhs) bool {
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		call, ok := ast.Unparen(r.e).(*ast.CallExpr)
		if !ok || r.idx >= 0 {
			return false
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				continue
			}
		}
		if !splitters[api.CalleeName(c.info, call)] {
			return false
		}
	}
	return true
}
