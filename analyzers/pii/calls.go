package pii

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// propagators are functions whose result carries the content of their
// arguments (and receiver) unchanged or re-encoded.
var propagators = map[string]bool{}

func init() {
	for _, pkg := range []string{"strings", "bytes"} {
		for _, f := range []string{"ToLower", "ToUpper", "ToTitle", "Title", "TrimSpace", "Trim", "TrimLeft",
			"TrimRight", "TrimPrefix", "TrimSuffix", "Join", "Repeat", "Replace", "ReplaceAll", "Clone",
			"Split", "SplitN", "SplitAfter", "Fields", "ToValidUTF8"} {
			propagators[pkg+"."+f] = true
		}
	}
	for _, f := range []string{
		"strconv.Quote", "strconv.QuoteToASCII", "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint",
		"strconv.AppendQuote", "strconv.AppendInt",
		"encoding/hex.EncodeToString", "encoding/hex.Dump",
		"(*encoding/base64.Encoding).EncodeToString", "(*encoding/base32.Encoding).EncodeToString",
		"net/url.QueryEscape", "net/url.PathEscape",
		"(*strings.Builder).String", "(*bytes.Buffer).String", "(*bytes.Buffer).Bytes",
		"errors.New", "errors.Join",
	} {
		propagators[f] = true
	}
}

// printers are the fmt functions that format operands into a string or an
// error, with the index of their format (-1: Sprint-like) and of their
// first operand.
var printers = map[string][2]int{
	"fmt.Sprintf": {0, 1}, "fmt.Errorf": {0, 1}, "fmt.Appendf": {1, 2}, "fmt.Fprintf": {1, 2},
	"fmt.Sprint": {-1, 0}, "fmt.Sprintln": {-1, 0}, "fmt.Append": {-1, 1}, "fmt.Appendln": {-1, 1},
	"fmt.Fprint": {-1, 1}, "fmt.Fprintln": {-1, 1},
}

// callFlow decides the value of a call (its idx'th result when idx ≥ 0).
func (c *checker) callFlow(call *ast.CallExpr, idx, depth int) flow {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 && idx < 0 {
			return c.flowAt(call.Args[0], -1, depth) // string(b), []byte(s), Email(s)
		}
		return flow{}
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				f := flow{clean: true}
				for _, a := range call.Args {
					f = combine(f, c.flowAt(a, -1, depth))
				}
				return f
			}
			return flow{clean: true} // len, cap, min, max, ...
		}
	}
	fn := api.Callee(c.info, call)
	if fn == nil {
		return flow{}
	}
	if api.IsRedactor(fn) {
		return flow{clean: true}
	}
	name := api.FullName(fn)
	if idx > 0 {
		if f, ok := c.resultFlow(call, fn, idx, depth); ok {
			return f
		}
		return c.secondResult(call, name)
	}
	switch name {
	case "net/http/httputil.DumpRequest", "net/http/httputil.DumpRequestOut":
		return flow{src: &source{check: checkBody, expr: exprText(call), desc: "the whole request, headers and body"}}
	case "net/http/httputil.DumpResponse":
		if c.onFailurePath(call.Pos()) {
			return flow{} // the answer of a failed call: its error message
		}
		return flow{src: &source{check: checkBody, expr: exprText(call), desc: "the whole response, headers and body", response: true}}
	case "io.ReadAll", "io/ioutil.ReadAll":
		if len(call.Args) == 1 {
			if desc, response := c.httpBody(call.Args[0]); desc != "" {
				if response && c.onFailurePath(call.Pos()) {
					return flow{} // the answer of a failed call: its error message
				}
				return flow{src: &source{check: checkBody, expr: exprText(call), desc: desc, response: response}}
			}
		}
		return flow{}
	case "os.Getenv", "os.LookupEnv", "(net/http.Header).Get", "(net/http.Header).Values",
		"(net/url.Values).Get", "(*net/http.Request).FormValue", "(*net/http.Request).PostFormValue",
		"(" + api.BaggagePath + ".Baggage).Member":
		if len(call.Args) == 1 {
			return c.keyedFlow(call, call.Args[0], resultType(fn, 0))
		}
		return flow{}
	case "(*net/url.Userinfo).Password":
		return flow{src: &source{check: checkNamed, expr: exprText(call), desc: "a password"}}
	case "encoding/json.Marshal", "encoding/json.MarshalIndent":
		if len(call.Args) > 0 {
			if src := c.structSource(call.Args[0], modeJSON); src != nil {
				return flow{src: src}
			}
			return c.flowAt(call.Args[0], -1, depth)
		}
	}
	if p, ok := printers[name]; ok {
		return c.printFlow(call, p[0], p[1], depth)
	}
	if propagators[name] {
		f := flow{clean: true}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && isBuffer(sig.Recv().Type()) {
			f = c.flowAt(api.Receiver(c.info, call), -1, depth)
		}
		for _, a := range call.Args {
			f = combine(f, c.flowAt(a, -1, depth))
		}
		return f
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() == 0 {
		return flow{}
	}
	// A same-package function is followed into its body: one that masks
	// what it returns is clean whatever its name.
	body, hasBody := c.resultFlow(call, fn, max(idx, 0), depth)
	if hasBody && body.clean {
		return body
	}
	res := sig.Results().At(0).Type()
	// u.GetEmail(), cfg.Password(), loadAPIKey(ctx): a function named for
	// personal data returns it.
	if cpt := c.v.conceptOf(fn.Name()); cpt != nil && qualifies(res, cpt) && !isEmptyInterface(res) &&
		(nameEvidenced(cpt) || c.holdsCredentials(recvOwner(fn), nil)) {
		return flow{src: namedSource(exprText(call), cpt)}
	}
	if hasBody && body.src != nil {
		return body
	}
	// x.String(), err.Error(), form.Encode(): a method rendering its
	// receiver carries what the receiver carries.
	if len(call.Args) == 0 && sig.Recv() != nil && isStringLike(res) {
		if recv := api.Receiver(c.info, call); recv != nil {
			return c.flowAt(recv, -1, depth)
		}
	}
	return flow{}
}

// resultFlow decides the idx'th result of a same-package function call
// from the function's return statements: validate(req) returning
// fmt.Errorf("bad card %s", req.Card.Number) returns a card number, and
// normalize(u.Email) returning strings.ToLower(s) returns what its
// argument holds.
func (c *checker) resultFlow(call *ast.CallExpr, fn *types.Func, idx, depth int) (flow, bool) {
	f, ok := c.bodyResult(fn, idx, depth)
	if !ok || f.src == nil || f.src.params == nil {
		return f, ok
	}
	sub := flow{clean: true}
	for _, p := range f.src.params {
		sub = combine(sub, c.flowAt(argFor(c.info, call, fn, p), -1, depth))
	}
	if sub.src != nil && sub.src.params == nil {
		src := *sub.src
		src.expr += " via " + fn.Name()
		sub.src = &src
	}
	return sub, true
}

// bodyResult decides the idx'th result of fn from its return statements,
// with its parameters standing for the arguments of any call.
func (c *checker) bodyResult(fn *types.Func, idx, depth int) (flow, bool) {
	rets, ok := c.returns[fn]
	if !ok {
		return flow{}, false
	}
	key := funcResult{fn, idx}
	if f, ok := c.results[key]; ok {
		return f, true
	}
	c.results[key] = flow{} // recursion guard
	c.following = append(c.following, fn)
	f := flow{clean: true}
	for _, ret := range rets {
		switch {
		case len(ret.Results) == 0:
			f = combine(f, flow{}) // bare return of named results
		case len(ret.Results) == 1 && idx > 0:
			f = combine(f, c.flowAt(ret.Results[0], idx, depth))
		case idx < len(ret.Results):
			f = combine(f, c.flowAt(ret.Results[idx], -1, depth))
		}
	}
	c.following = c.following[:len(c.following)-1]
	if f.src != nil && f.src.params == nil {
		src := *f.src
		src.expr += " in " + fn.Name()
		f.src = &src
	}
	c.results[key] = f
	return f, true
}

// argFor returns the argument a call passes for parameter p of fn (the
// receiver expression for the receiver), or nil.
func argFor(info *types.Info, call *ast.CallExpr, fn *types.Func, p *types.Var) ast.Expr {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == p {
		return api.Receiver(info, call)
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) != p {
			continue
		}
		if sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
			return nil // the elements of a variadic parameter are not followed
		}
		if i < len(call.Args) {
			return call.Args[i]
		}
	}
	return nil
}

// secondResult decides the second result of a tuple call: the password of
// r.BasicAuth.
func (c *checker) secondResult(call *ast.CallExpr, name string) flow {
	if name == "(*net/http.Request).BasicAuth" {
		return flow{src: &source{check: checkNamed, expr: exprText(call), desc: "a password"}}
	}
	return flow{}
}

// isEmptyInterface reports whether t is any: the Token() of a decoder
// returns one, and is no credential.
func isEmptyInterface(t types.Type) bool {
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.Empty()
}

// isBuffer reports whether t is a strings.Builder or bytes.Buffer (or a
// pointer to one): a receiver whose content its methods return.
func isBuffer(t types.Type) bool {
	return api.IsNamed(t, "strings", "Builder") || api.IsNamed(t, "bytes", "Buffer")
}

// httpBody describes e when it reads a whole HTTP body: r.Body, resp.Body,
// possibly through io.LimitReader or http.MaxBytesReader; response is set
// for the body of a response.
func (c *checker) httpBody(e ast.Expr) (desc string, response bool) {
	for i := 0; i < 4; i++ {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		switch api.CalleeName(c.info, call) {
		case "io.LimitReader", "io.NopCloser", "io/ioutil.NopCloser", "io.TeeReader":
			if len(call.Args) == 0 {
				return "", false
			}
			e = call.Args[0]
		case "net/http.MaxBytesReader":
			if len(call.Args) < 2 {
				return "", false
			}
			e = call.Args[1]
		default:
			return "", false
		}
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return "", false
	}
	switch t := api.TypeOf(c.info, sel.X); {
	case api.IsNamed(t, "net/http", "Request"):
		return "the whole request body", false
	case api.IsNamed(t, "net/http", "Response"):
		return "the whole response body", true
	}
	return "", false
}

// printFlow decides the result of a fmt printer: it carries every operand
// its format prints (a struct formatted whole exposes its sensitive fields).
func (c *checker) printFlow(call *ast.CallExpr, format, first, depth int) flow {
	f := flow{clean: true}
	for _, op := range c.printedOperands(call, format, first) {
		if src := c.structSource(op.e, modeFmt); src != nil {
			return flow{src: src}
		}
		f = combine(f, c.flowAt(op.e, -1, depth))
	}
	if format >= 0 && format < len(call.Args) {
		f = combine(f, c.flowAt(call.Args[format], -1, depth))
	}
	return f
}

// operand is an argument a printer prints, with its verb ('v' when none).
type operand struct {
	e    ast.Expr
	verb rune
}

// printedOperands returns the operands of a printf- or print-like call that
// are printed as values (not %T, %p, or * widths). format is the index of
// the format argument, or -1 for Print-like calls.
func (c *checker) printedOperands(call *ast.CallExpr, format, first int) []operand {
	if first > len(call.Args) {
		return nil
	}
	args := call.Args[first:]
	if call.Ellipsis.IsValid() {
		return nil // args... : the elements are not visible
	}
	var out []operand
	if format < 0 {
		for _, a := range args {
			out = append(out, operand{a, 'v'})
		}
		return out
	}
	var verbs []rune
	ok := false
	if format < len(call.Args) {
		if s, isConst := api.StringConst(c.info, call.Args[format]); isConst {
			verbs, ok = parseVerbs(s)
		}
	}
	for i, a := range args {
		verb := 'v'
		if ok {
			if i >= len(verbs) {
				break
			}
			verb = verbs[i]
		}
		if verb == 'T' || verb == 'p' || verb == '*' {
			continue
		}
		out = append(out, operand{a, verb})
	}
	return out
}

// parseVerbs returns the verbs of a printf format in operand order ('*' for
// a width or precision operand), or false when the format uses explicit
// argument indexes.
func parseVerbs(format string) ([]rune, bool) {
	var verbs []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || format[i] == '0') {
			i++
		}
		for i < len(format) && (format[i] == '*' || format[i] == '.' || format[i] == '[' || (format[i] >= '0' && format[i] <= '9')) {
			switch format[i] {
			case '[':
				return nil, false
			case '*':
				verbs = append(verbs, '*')
			}
			i++
		}
		if i < len(format) {
			verbs = append(verbs, rune(format[i]))
		}
	}
	return verbs, true
}

func resultType(fn *types.Func, i int) types.Type {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() <= i {
		return nil
	}
	return sig.Results().At(i).Type()
}
