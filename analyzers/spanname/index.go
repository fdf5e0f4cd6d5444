package spanname

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// indexedNodes are the nodes the single inspector walk visits: the writes
// to variables, the loops that define them, the conversions into named
// string types, the calls (span starts, builder writes) and the function
// declarations.
var indexedNodes = []ast.Node{
	(*ast.AssignStmt)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.RangeStmt)(nil),
	(*ast.ForStmt)(nil),
	(*ast.IncDecStmt)(nil),
	(*ast.UnaryExpr)(nil),
	(*ast.CallExpr)(nil),
	(*ast.FuncDecl)(nil),
	(*ast.SwitchStmt)(nil),
}

// write is one assignment to a variable: rhs is the assigned value, nil for
// a write whose value we cannot see (a tuple assignment, x++, x *= 2) or for
// the zero value of a declaration without initialiser (zero is then true).
type write struct {
	rhs  ast.Expr
	zero bool
	add  bool // x += rhs
}

// loop describes the loop that declares a variable.
type loop struct {
	rng   *ast.RangeStmt // the range statement, or nil
	isKey bool           // the variable is the range key (the index)
	cond  ast.Expr       // the condition of a three-clause for loop
}

// index is the per-package knowledge the name evaluation needs, built in the
// one walk over the package.
type index struct {
	info *types.Info
	// writes lists the assignments to each variable of the package.
	writes map[*types.Var][]write
	// declared holds the variables whose declaration we saw with its value
	// (x := v, var x = v, var x T): their first value is known. Parameters
	// and results are not declared this way.
	declared map[*types.Var]bool
	// escaped holds the variables whose address is taken: they may change
	// in ways we cannot see.
	escaped map[*types.Var]bool
	loops   map[*types.Var]loop
	// convertedTo holds the named types a non-constant value is converted
	// into somewhere in the package (Operation(s) with s a variable).
	convertedTo map[*types.TypeName]bool
	// builderWrites lists what is written into each strings.Builder or
	// bytes.Buffer variable: the WriteString/WriteByte/WriteRune/Write
	// arguments and the fmt.Fprint* calls writing to it.
	builderWrites map[*types.Var][]ast.Expr
	funcs         map[*types.Func]*ast.FuncDecl
	// constCases lists, for each variable a switch statement tests, the
	// case clauses whose values are all constants: inside them the
	// variable holds one of those values.
	constCases map[*types.Var][]*ast.CaseClause
	// renamed and ended hold the span variables whose SetName and End
	// methods the package calls; renamesActive is true when the package
	// renames a span it reads from a context (a hook or middleware that
	// names spans others start).
	renamed, ended map[*types.Var]bool
	renamesActive  bool
}

func newIndex(info *types.Info) *index {
	return &index{
		info:          info,
		writes:        map[*types.Var][]write{},
		declared:      map[*types.Var]bool{},
		escaped:       map[*types.Var]bool{},
		loops:         map[*types.Var]loop{},
		convertedTo:   map[*types.TypeName]bool{},
		builderWrites: map[*types.Var][]ast.Expr{},
		funcs:         map[*types.Func]*ast.FuncDecl{},
		constCases:    map[*types.Var][]*ast.CaseClause{},
		renamed:       map[*types.Var]bool{},
		ended:         map[*types.Var]bool{},
	}
}

// varOf returns the variable an identifier denotes, or nil.
func (x *index) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := x.info.ObjectOf(id).(*types.Var)
	return v
}

// add records what node n tells about the package.
func (x *index) add(n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		x.addAssign(n)
	case *ast.ValueSpec:
		for i, id := range n.Names {
			v := x.varOf(id)
			if v == nil {
				continue // a constant, or blank
			}
			x.declared[v] = true
			switch {
			case len(n.Values) == len(n.Names):
				x.writes[v] = append(x.writes[v], write{rhs: n.Values[i]})
			case len(n.Values) == 0:
				x.writes[v] = append(x.writes[v], write{zero: true})
			default:
				x.writes[v] = append(x.writes[v], write{})
			}
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if v := x.varOf(e); v != nil {
				x.loops[v] = loop{rng: n, isKey: e == n.Key}
				if n.Tok == token.DEFINE {
					x.declared[v] = true
				}
				x.writes[v] = append(x.writes[v], write{})
			}
		}
	case *ast.ForStmt:
		if init, ok := n.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
			for _, lhs := range init.Lhs {
				if v := x.varOf(lhs); v != nil {
					x.loops[v] = loop{cond: n.Cond}
				}
			}
		}
	case *ast.IncDecStmt:
		if v := x.varOf(n.X); v != nil {
			x.writes[v] = append(x.writes[v], write{})
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if v := x.varOf(n.X); v != nil {
				x.escaped[v] = true
			}
		}
	case *ast.CallExpr:
		x.addCall(n)
	case *ast.FuncDecl:
		if fn, ok := x.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
			x.funcs[fn] = n
		}
	case *ast.SwitchStmt:
		x.addSwitch(n)
	}
}

// addSwitch records the case clauses of switch v { case "a", "b": ... }
// that pin v to constants.
func (x *index) addSwitch(n *ast.SwitchStmt) {
	v := x.varOf(n.Tag)
	if v == nil {
		return
	}
	for _, stmt := range n.Body.List {
		cc, ok := stmt.(*ast.CaseClause)
		if !ok || len(cc.List) == 0 {
			continue // default: any value
		}
		constant := true
		for _, e := range cc.List {
			if !api.IsConst(x.info, e) {
				constant = false
			}
		}
		if constant {
			x.constCases[v] = append(x.constCases[v], cc)
		}
	}
}

// inConstCase reports whether pos lies in a case clause that pins v to
// constants, and v is not assigned anywhere else than its declaration.
func (x *index) inConstCase(v *types.Var, pos token.Pos) bool {
	for _, cc := range x.constCases[v] {
		if cc.Colon < pos && pos < cc.End() {
			return len(x.writes[v]) <= 1 && !x.escaped[v]
		}
	}
	return false
}

func (x *index) addAssign(n *ast.AssignStmt) {
	if len(n.Lhs) != len(n.Rhs) {
		// a, b := f(): values we cannot see.
		for _, lhs := range n.Lhs {
			if v := x.varOf(lhs); v != nil {
				if n.Tok == token.DEFINE {
					x.declared[v] = true
				}
				x.writes[v] = append(x.writes[v], write{})
			}
		}
		return
	}
	for i, lhs := range n.Lhs {
		v := x.varOf(lhs)
		if v == nil {
			continue
		}
		switch n.Tok {
		case token.DEFINE:
			if id, ok := lhs.(*ast.Ident); ok && x.info.Defs[id] == v {
				x.declared[v] = true
			}
			x.writes[v] = append(x.writes[v], write{rhs: n.Rhs[i]})
		case token.ASSIGN:
			x.writes[v] = append(x.writes[v], write{rhs: n.Rhs[i]})
		case token.ADD_ASSIGN:
			x.writes[v] = append(x.writes[v], write{rhs: n.Rhs[i], add: true})
		default:
			x.writes[v] = append(x.writes[v], write{})
		}
	}
}

// addCall records conversions into named types, writes into builders and
// the spans the package renames and ends.
func (x *index) addCall(call *ast.CallExpr) {
	if recv, method, ok := api.SpanMethodCall(x.info, call); ok {
		x.addSpanCall(recv, method)
		return
	}
	if tv, ok := x.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 && !api.IsConst(x.info, call.Args[0]) {
			if n, ok := types.Unalias(tv.Type).(*types.Named); ok {
				x.convertedTo[n.Obj()] = true
			}
		}
		return
	}
	fn := api.Callee(x.info, call)
	if fn == nil {
		return
	}
	switch api.FullName(fn) {
	case "(*strings.Builder).WriteString", "(*strings.Builder).WriteByte", "(*strings.Builder).WriteRune", "(*strings.Builder).Write",
		"(*bytes.Buffer).WriteString", "(*bytes.Buffer).WriteByte", "(*bytes.Buffer).WriteRune", "(*bytes.Buffer).Write":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) == 1 {
			if v := x.builderVar(sel.X); v != nil {
				x.builderWrites[v] = append(x.builderWrites[v], call.Args[0])
			}
		}
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln":
		if len(call.Args) > 0 {
			if v := x.builderVar(call.Args[0]); v != nil {
				x.builderWrites[v] = append(x.builderWrites[v], call)
			}
		}
	}
}

// builderVar returns the strings.Builder or bytes.Buffer variable e (or &e)
// denotes, or nil.
func (x *index) builderVar(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	v := x.varOf(e)
	if v == nil || !isBuilder(v.Type()) {
		return nil
	}
	return v
}

func isBuilder(t types.Type) bool {
	return api.IsNamed(t, "strings", "Builder") || api.IsNamed(t, "bytes", "Buffer")
}

// formatterResults returns the expressions a span-name formatter returns:
// the results of a function literal (directly or through a variable assigned
// only that literal), or of a same-package function or method named by the
// argument, each with the declaration it is written in.
func (x *index) formatterResults(f site) []site {
	var body *ast.BlockStmt
	decl := f.decl
	expr := ast.Unparen(f.expr)
	if v := x.varOf(expr); v != nil && x.declared[v] && !x.escaped[v] && len(x.writes[v]) == 1 && x.writes[v][0].rhs != nil {
		// format := func(...) string {...}; WithSpanNameFormatter(format)
		expr = ast.Unparen(x.writes[v][0].rhs)
	}
	switch e := expr.(type) {
	case *ast.FuncLit:
		body = e.Body
	case *ast.Ident, *ast.SelectorExpr:
		fn, ok := api.ObjectOf(x.info, e).(*types.Func)
		if !ok {
			return nil
		}
		if d := x.funcs[fn.Origin()]; d != nil {
			body, decl = d.Body, d
		}
	}
	var out []site
	results, _ := returnedValues(body, 0)
	for _, r := range results {
		out = append(out, site{expr: r, decl: decl})
	}
	return out
}

// returnedValues returns the i-th result expression of every return
// statement of body, not counting those of nested function literals;
// complete is false when some return statement does not show it (a bare
// return of named results, or return f() of a multi-valued f).
func returnedValues(body *ast.BlockStmt, i int) (results []ast.Expr, complete bool) {
	if body == nil {
		return nil, false
	}
	complete = true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if i < len(n.Results) && (len(n.Results) > 1 || i == 0) {
				results = append(results, n.Results[i])
			} else {
				complete = false
			}
		}
		return true
	})
	return results, complete
}

// addSpanCall records span.SetName and span.End calls.
func (x *index) addSpanCall(recv ast.Expr, method string) {
	recv = ast.Unparen(recv)
	v := x.varOf(recv)
	switch method {
	case "End":
		if v != nil {
			x.ended[v] = true
		}
	case "SetName":
		if v != nil {
			x.renamed[v] = true
		}
		if call, ok := recv.(*ast.CallExpr); ok && api.IsSpanFromContext(x.info, call) {
			x.renamesActive = true
		}
		if v != nil {
			for _, w := range x.writes[v] {
				if call, ok := ast.Unparen(w.rhs).(*ast.CallExpr); ok && api.IsSpanFromContext(x.info, call) {
					x.renamesActive = true
				}
			}
		}
	}
}

// renamedLater reports whether the span a start assigns to v gets its name
// from elsewhere: the same function renames it with SetName, or it is
// left open for a hook of the package that reads spans from the context,
// renames and ends them (BeforeQuery starts "", AfterQuery names it).
func (x *index) renamedLater(v *types.Var) bool {
	if v == nil {
		return false
	}
	return x.renamed[v] || !x.ended[v] && x.renamesActive
}
