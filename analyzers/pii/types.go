package pii

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// qualifies reports whether a value of type t can hold the personal data a
// name denotes: strings, byte slices, fmt.Stringers and named string types
// (and slices of them) always; integers only for inherently numeric
// identifiers (card number, CVV, SSN, phone number); never booleans,
// floats, time.Time or time.Duration. c is nil for tagged fields, which are
// sensitive whatever their type (bar booleans).
func qualifies(t types.Type, c *concept) bool {
	return qualifiesDepth(t, c, 0)
}

func qualifiesDepth(t types.Type, c *concept, depth int) bool {
	if t == nil || depth > 4 {
		return false
	}
	t = types.Unalias(t)
	if isTimeType(t) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch info := u.Info(); {
		case info&types.IsString != 0:
			return true
		case info&types.IsInteger != 0:
			return c == nil || c.numeric
		}
		return false
	case *types.Pointer:
		return qualifiesDepth(u.Elem(), c, depth+1)
	case *types.Slice:
		return qualifiesDepth(u.Elem(), c, depth+1) // []byte, []string
	case *types.Interface:
		if tp, ok := t.(*types.TypeParam); ok {
			return typeParamQualifies(tp, c, depth)
		}
		if u.Empty() {
			return true // any: the dynamic value is what the name says
		}
		return isStringer(t)
	case *types.Struct:
		return isStringer(t) && !isError(t)
	}
	return false
}

// typeParamQualifies reports whether every type in tp's type set qualifies
// (T ~string does; T any and T comparable do not).
func typeParamQualifies(tp *types.TypeParam, c *concept, depth int) bool {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || iface.IsMethodSet() {
		return false
	}
	found := false
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := 0; j < e.Len(); j++ {
				if !qualifiesDepth(e.Term(j).Type(), c, depth+1) {
					return false
				}
				found = true
			}
		default:
			if !qualifiesDepth(e, c, depth+1) {
				return false
			}
			found = true
		}
	}
	return found
}

// isStringLike reports whether t is a string, a byte slice or a named
// string type.
func isStringLike(t types.Type) bool {
	return api.IsStringOrBytes(t)
}

func isTimeType(t types.Type) bool {
	for _, n := range []string{"Time", "Duration", "Month", "Weekday", "Location"} {
		if api.IsNamed(t, "time", n) {
			return true
		}
	}
	return false
}

// isNumber reports whether t is a number or a boolean.
func isNumber(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func isStringer(t types.Type) bool { return hasMethod(t, "String") }
func isError(t types.Type) bool    { return hasMethod(t, "Error") }

// hasMethod reports whether t or *t has the method of that name that
// controls how a value renders: String, Error, LogValue, MarshalJSON and
// MarshalText take no parameters, fmt.Formatter's Format two, the log
// marshalers (MarshalLogObject, MarshalLogArray, MarshalZerologObject) one.
func hasMethod(t types.Type, name string) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	var obj types.Object
	if types.IsInterface(t) {
		obj, _, _ = types.LookupFieldOrMethod(t, false, nil, name)
	} else {
		obj, _, _ = types.LookupFieldOrMethod(types.NewPointer(t), false, nil, name)
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	switch name {
	case "String", "Error", "LogValue", "MarshalJSON", "MarshalText":
		return sig.Params().Len() == 0 && sig.Results().Len() >= 1
	case "Format": // fmt.Formatter, not time.Time's Format(layout)
		return sig.Params().Len() == 2
	}
	return sig.Params().Len() == 1 // MarshalLogObject, MarshalLogArray, MarshalZerologObject
}

// exposeMode is how a sink renders a whole value: with fmt (every field,
// nested pointers as addresses) or through encoding/json reflection
// (exported fields, json:"-" honoured, pointers followed), and which
// method lets a type take control.
type exposeMode int

const (
	modeNone   exposeMode = iota
	modeFmt               // fmt verbs, log, logrus, zap's sugared logger
	modeSlog              // slog.Any, slog key/value pairs
	modeZap               // zap.Any, zap.Reflect
	modeJSON              // json.Marshal, zerolog's Interface
	modeLogrus            // logrus WithField / WithFields
)

// controlMethods are the methods that make a type render itself in a mode:
// the first one is the one messages suggest.
var controlMethods = map[exposeMode][]string{
	modeFmt:    {"String", "Error", "Format"},
	modeLogrus: {"String", "Error", "Format"},
	modeSlog:   {"LogValue", "String", "Error", "MarshalJSON", "MarshalText"},
	modeZap:    {"MarshalLogObject", "MarshalLogArray", "String", "Error", "MarshalJSON"},
	modeJSON:   {"MarshalJSON", "MarshalText", "MarshalZerologObject"},
}

func (m exposeMode) reflective() bool { return m == modeZap || m == modeJSON }

type exposureKey struct {
	t    types.Type
	mode exposeMode
}

// exposed is the first sensitive field a struct type shows when rendered
// whole.
type exposed struct {
	field    string // path: Password, Card.Number
	desc     string
	identity bool // the field is an identity (see concept.identity)
	// strong is, when field is an identity, the first field after it that
	// is not (reported in span data too), if any.
	strong *exposed
}

// structSource returns a source when e is a struct value (or pointer to
// one) that, rendered whole in mode, shows a sensitive field.
func (c *checker) structSource(e ast.Expr, mode exposeMode) *source {
	if mode == modeNone {
		return nil
	}
	t := api.TypeOf(c.info, e)
	if t == nil {
		return nil
	}
	elem := t
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		elem = p.Elem()
	}
	if _, ok := elem.Underlying().(*types.Struct); !ok {
		return nil
	}
	ex := c.exposedField(elem, mode, 0)
	if ex == nil {
		return nil
	}
	src := &source{
		check:  checkStruct,
		expr:   exprText(e),
		desc:   ex.desc,
		field:  ex.field,
		typ:    types.TypeString(elem, types.RelativeTo(c.pass.Pkg)),
		method: c.controlAdvice(elem, mode),
	}
	switch {
	case ex.identity && ex.strong == nil:
		src.identity = true // only identities are shown
	case ex.identity:
		src.spanField, src.spanDesc = ex.strong.field, ex.strong.desc
	}
	return src
}

// controlAdvice names the method that would let the type of a dumped
// struct render itself, when the type is declared in the package under
// analysis (the user cannot add methods to another package's types).
func (c *checker) controlAdvice(t types.Type, mode exposeMode) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != c.pass.Pkg {
		return ""
	}
	return controlMethods[mode][0]
}

// exposedField returns the first sensitive field of struct type t shown
// when t is rendered in mode, or nil (also when t controls its rendering).
func (c *checker) exposedField(t types.Type, mode exposeMode, depth int) *exposed {
	if depth > 3 || t == nil {
		return nil
	}
	key := exposureKey{types.Unalias(t), mode}
	if ex, ok := c.exposure[key]; ok {
		return ex
	}
	c.exposure[key] = nil // cycle guard
	var ex *exposed
	if !c.controlsRendering(t, mode) {
		ex = c.findExposed(t, mode, depth)
	}
	c.exposure[key] = ex
	return ex
}

func (c *checker) controlsRendering(t types.Type, mode exposeMode) bool {
	for _, m := range controlMethods[mode] {
		if hasMethod(t, m) {
			return true
		}
	}
	return false
}

// masksItself reports whether values of type t, rendered whole in mode,
// go through a method of the package under analysis that returns nothing
// personal: type Password string with func (Password) String() string {
// return "****" }, or a LogValue that logs only an id. The method's body
// decides, with its receiver standing for the value: one that returns the
// receiver (return string(p)) or a field named for personal data does not
// mask. Methods of other packages are not trusted here (url.URL's String
// shows the password of a DSN).
func (c *checker) masksItself(t types.Type, mode exposeMode) bool {
	if t == nil || mode == modeNone {
		return false
	}
	for _, m := range controlMethods[mode] {
		if !hasMethod(t, m) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(derefType(types.Unalias(t))), false, c.pass.Pkg, m)
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg {
			return false
		}
		f, ok := c.bodyResult(fn, 0, 0)
		return ok && f.src == nil
	}
	return false
}

func (c *checker) findExposed(t types.Type, mode exposeMode, depth int) *exposed {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	// When the first field exposed is an identity (Email), the first one
	// reported in every sink (Password) is looked for too, for span data.
	var first *exposed
	found := func(ex *exposed) *exposed {
		switch {
		case first == nil:
			first = ex
		case first.strong == nil && !ex.identity:
			first.strong = ex
		}
		if first.identity && first.strong == nil {
			return nil // go on looking
		}
		return first
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := st.Tag(i)
		if mode.reflective() && (!f.Exported() || jsonOmitted(tag)) {
			continue
		}
		if desc := wholeMap(f.Type()); desc != "" {
			if ex := found(&exposed{field: f.Name(), desc: desc}); ex != nil {
				return ex
			}
			continue
		}
		if c.isTagged(tag) && !isBool(f.Type()) {
			if ex := found(&exposed{field: f.Name(), desc: "tagged " + c.tagKey + `:"` + c.tagValue + `"`}); ex != nil {
				return ex
			}
			continue
		}
		if !api.ContainsRedactorWord(strings.ToLower(f.Name())) && !c.refs.objs[f] {
			if cpt := c.fieldConcept(t, f, tag); cpt != nil {
				if ex := found(&exposed{field: f.Name(), desc: cpt.desc, identity: cpt.identity}); ex != nil {
					return ex
				}
				continue
			}
		}
		if inner := nestedStruct(f.Type(), mode); inner != nil {
			if ex := c.exposedField(inner, mode, depth+1); ex != nil {
				in := &exposed{field: f.Name() + "." + ex.field, desc: ex.desc, identity: ex.identity}
				if r := found(in); r != nil {
					return r
				}
				if ex.strong != nil {
					if r := found(&exposed{field: f.Name() + "." + ex.strong.field, desc: ex.strong.desc}); r != nil {
						return r
					}
				}
			}
		}
	}
	return first
}

// wholeMap describes a field holding every header or form value.
func wholeMap(t types.Type) string {
	switch {
	case api.IsNamed(t, "net/http", "Header"):
		return "every header, Authorization and Cookie included"
	case api.IsNamed(t, "net/url", "Values"):
		return "every form or query value"
	}
	return ""
}

// nestedStruct returns the struct type a field of type t shows in mode:
// struct values and slices of them always, pointers only through
// reflection (fmt prints a nested pointer as an address).
func nestedStruct(t types.Type, mode exposeMode) types.Type {
	t = types.Unalias(t)
	switch u := t.Underlying().(type) {
	case *types.Struct:
		if isTimeType(t) {
			return nil
		}
		return t
	case *types.Pointer:
		if mode.reflective() {
			if _, ok := u.Elem().Underlying().(*types.Struct); ok && !isTimeType(u.Elem()) {
				return u.Elem()
			}
		}
	case *types.Slice:
		if _, ok := u.Elem().Underlying().(*types.Struct); ok && !isTimeType(u.Elem()) {
			return u.Elem()
		}
	}
	return nil
}

func jsonOmitted(tag string) bool {
	v, ok := reflect.StructTag(tag).Lookup("json")
	return ok && v == "-"
}
