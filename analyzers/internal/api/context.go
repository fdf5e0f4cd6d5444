package api

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"sync"
)

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	return IsNamed(t, "context", "Context")
}

// IsHTTPRequest reports whether t is *net/http.Request.
func IsHTTPRequest(t types.Type) bool {
	return IsPointerTo(t, "net/http", "Request")
}

// IsResponseWriter reports whether t is net/http.ResponseWriter.
func IsResponseWriter(t types.Type) bool {
	return IsNamed(t, "net/http", "ResponseWriter")
}

// IsHTTPHandlerSig reports whether sig has an http.ResponseWriter or a
// *http.Request parameter: the signature of an HTTP handler.
func IsHTTPHandlerSig(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if IsResponseWriter(t) || IsHTTPRequest(t) {
			return true
		}
	}
	return false
}

// ContextSourceKind says where a reachable context comes from.
type ContextSourceKind int

const (
	CtxParam   ContextSourceKind = iota // a context.Context parameter
	CtxLocal                            // a context.Context local variable
	CtxRequest                          // a *http.Request: r.Context()
	CtxCarrier                          // a value of a configured context-carrying type
)

// ContextSource is a context value reachable at some position.
type ContextSource struct {
	Var  *types.Var
	Kind ContextSourceKind
	// Expr is the Go expression that yields the context: "ctx",
	// "r.Context()", or the carrier variable's name.
	Expr string
	// Func is the name of the function that declares Var ("" for a
	// function literal).
	Func string
}

// Describe returns a short phrase naming the source for messages, e.g.
// "ctx (parameter of PlaceOrder)" or "r.Context()".
func (c ContextSource) Describe() string {
	switch c.Kind {
	case CtxParam:
		if c.Func != "" {
			return c.Expr + " (parameter of " + c.Func + ")"
		}
		return c.Expr + " (parameter of the enclosing function literal)"
	case CtxLocal:
		return c.Expr + " (declared above)"
	}
	return c.Expr
}

// ContextAt returns the context reachable at pos: the innermost visible
// context.Context variable (parameter or local, including ones captured from
// enclosing functions), else a *http.Request (r.Context()), else a value of a
// configured carrier type. Package-level variables and blank parameters do
// not count. funcs is the chain of *ast.FuncDecl and *ast.FuncLit enclosing
// pos, outermost first (as an inspector stack gives it); it is used to tell
// parameters from locals and to name the declaring function.
func ContextAt(pkg *types.Package, info *types.Info, funcs []ast.Node, pos token.Pos) (ContextSource, bool) {
	if pkg == nil || info == nil || !pos.IsValid() {
		return ContextSource{}, false
	}
	fscopes := map[*types.Scope]funcDesc{}
	for _, n := range funcs {
		var ft *ast.FuncType
		name := ""
		switch f := n.(type) {
		case *ast.FuncDecl:
			ft, name = f.Type, f.Name.Name
		case *ast.FuncLit:
			ft = f.Type
		default:
			continue
		}
		if sc := info.Scopes[ft]; sc != nil {
			fscopes[sc] = funcDesc{name: name, params: ft.Params}
		}
	}
	var request, carrier *ContextSource
	for s := pkg.Scope().Innermost(pos); s != nil && s.Parent() != pkg.Scope() && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		var best *ContextSource
		for _, name := range s.Names() {
			if name == "_" {
				continue
			}
			_, obj := s.LookupParent(name, pos)
			v, ok := obj.(*types.Var)
			if !ok || v.Parent() != s || v.IsField() {
				continue
			}
			kind, expr, ok := contextKind(v)
			if !ok {
				continue
			}
			src := &ContextSource{Var: v, Kind: kind, Expr: expr, Func: enclosingFuncName(s, fscopes)}
			switch kind {
			case CtxLocal:
				if d, ok := fscopes[s]; ok && d.declares(info, v) {
					src.Kind = CtxParam
				}
				if best == nil || v.Pos() > best.Var.Pos() {
					best = src
				}
			case CtxRequest:
				if request == nil {
					request = src
				}
			case CtxCarrier:
				if carrier == nil {
					carrier = src
				}
			}
		}
		if best != nil {
			return *best, true
		}
	}
	if request != nil {
		return *request, true
	}
	if carrier != nil {
		return *carrier, true
	}
	return ContextSource{}, false
}

type funcDesc struct {
	name   string
	params *ast.FieldList
}

func (d funcDesc) declares(info *types.Info, v *types.Var) bool {
	if d.params == nil {
		return false
	}
	for _, f := range d.params.List {
		for _, id := range f.Names {
			if info.Defs[id] == v {
				return true
			}
		}
	}
	return false
}

// enclosingFuncName names the nearest declared function at or above scope s.
func enclosingFuncName(s *types.Scope, fscopes map[*types.Scope]funcDesc) string {
	for ; s != nil; s = s.Parent() {
		if d, ok := fscopes[s]; ok {
			return d.name
		}
	}
	return ""
}

func contextKind(v *types.Var) (ContextSourceKind, string, bool) {
	t := v.Type()
	switch {
	case IsContext(t):
		return CtxLocal, v.Name(), true
	case IsHTTPRequest(t):
		return CtxRequest, v.Name() + ".Context()", true
	case isCarrier(t):
		return CtxCarrier, v.Name(), true
	}
	return 0, "", false
}

// carrierTypes holds "pkg/path.Name" entries for configured context-carrying
// types (a framework's request context).
var carrierTypes struct {
	sync.RWMutex
	names []string
}

// SetContextCarriers replaces the configured context-carrying types, each
// written "import/path.TypeName".
func SetContextCarriers(names []string) {
	carrierTypes.Lock()
	carrierTypes.names = append([]string(nil), names...)
	sort.Strings(carrierTypes.names)
	carrierTypes.Unlock()
}

// ContextCarriers returns the configured context-carrying types.
func ContextCarriers() []string {
	carrierTypes.RLock()
	defer carrierTypes.RUnlock()
	return append([]string(nil), carrierTypes.names...)
}

func isCarrier(t types.Type) bool {
	carrierTypes.RLock()
	defer carrierTypes.RUnlock()
	for _, full := range carrierTypes.names {
		i := strings.LastIndexByte(full, '.')
		if i <= 0 {
			continue
		}
		if IsNamed(t, full[:i], full[i+1:]) {
			return true
		}
	}
	return false
}
