package pii

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// A value named for a secret may be the secret's name rather than its
// content: the Kubernetes Secret a resource refers to (spec.Secret,
// tls.CASecret), the entry of a secret store a job reads. What gives it
// away is that the package fetches a secret by it
// (client.GetSecret(namespace, spec.Secret)): a log of it, or an error
// built from it ("secret %s/%s not found"), shows which secret, not what
// it holds.
//
// secretRefs are the fields, locals and parameters the package uses as a
// secret's name: an argument of a call that fetches a secret
// (isSecretFetch), followed back through the locals, string splits and
// dereferences it came from (secretName := parts[1], parts :=
// strings.Split(spec.AuthSecret, "/")), and through the package's own
// functions: an argument passed for a parameter that is a secret's name
// (loadCASecret(ns, spec.CASecret, client)) is one too; so is the key of
// an entry read from a fetched secret's data (secret.Data[secretKey]).
type secretRefs struct {
	objs  map[types.Object]bool
	calls []*ast.CallExpr // calls of the package's own functions
}

// noteSecretRefCall records what a call tells about secret names: the
// arguments of a secret fetch, or a call of the package's own function.
func (c *checker) noteSecretRefCall(call *ast.CallExpr, fn *types.Func) {
	switch {
	case isSecretFetch(fn):
		for _, a := range call.Args {
			c.addSecretRef(a, 0)
		}
	case fn.Pkg() == c.pass.Pkg && len(call.Args) > 0:
		c.refs.calls = append(c.refs.calls, call)
	}
}

// noteSecretEntry records the key of a read from the data of a secret
// (secret.Data[secretKey], with secret of a type named for secrets, such as
// a Kubernetes Secret): the key names an entry, it is not the entry.
func (c *checker) noteSecretEntry(x *ast.IndexExpr) {
	if c.isSecretData(x.X) {
		c.addSecretRef(x.Index, 0)
	}
}

// isSecretData reports whether e is a map field of a value of a type named
// for secrets (secret.Data, secret.StringData of a Kubernetes Secret): its
// entries are what the secret holds.
func (c *checker) isSecretData(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if _, isMap := api.TypeOf(c.info, sel).Underlying().(*types.Map); !isMap {
		return false
	}
	s, ok := c.info.Selections[sel]
	return ok && s.Kind() == types.FieldVal && strings.Contains(strings.ToLower(typeName(s.Recv())), "secret")
}

// finishSecretRefs passes secret names on from the parameters of the
// package's functions to the arguments their callers give them, until
// nothing changes.
func (c *checker) finishSecretRefs() {
	for changed := len(c.refs.objs) > 0; changed; {
		changed = false
		for _, call := range c.refs.calls {
			fn := api.Callee(c.info, call)
			sig, ok := fn.Origin().Type().(*types.Signature)
			if !ok {
				continue
			}
			for i, a := range call.Args {
				if i >= sig.Params().Len() || !c.refs.objs[sig.Params().At(i)] {
					continue
				}
				n := len(c.refs.objs)
				c.addSecretRef(a, 0)
				changed = changed || len(c.refs.objs) > n
			}
		}
	}
}

// addSecretRef records the fields and variables e is read from: e itself,
// and what a local was assigned, an index read from, a string split or
// trimmed, or a pointer dereferenced.
func (c *checker) addSecretRef(e ast.Expr, depth int) {
	if depth > 6 || e == nil {
		return
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || c.refs.objs[v] {
			return
		}
		c.refs.objs[v] = true
		for _, r := range c.assigns[v] {
			c.addSecretRef(r.e, depth+1)
		}
	case *ast.SelectorExpr:
		if s, ok := c.info.Selections[x]; ok && s.Kind() == types.FieldVal {
			c.refs.objs[s.Obj()] = true
		}
	case *ast.StarExpr:
		c.addSecretRef(x.X, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			c.addSecretRef(x.X, depth+1)
		}
	case *ast.IndexExpr:
		c.addSecretRef(x.X, depth+1)
	case *ast.CallExpr:
		if fn := api.Callee(c.info, x); fn != nil && len(x.Args) > 0 && keepsItsInput(fn) {
			c.addSecretRef(x.Args[0], depth+1)
		}
	}
}

// keepsItsInput reports whether fn returns parts of its first argument
// (strings.Split, strings.TrimSpace) or the value its pointer argument
// points to (ptr.Deref, StringDeref).
func keepsItsInput(fn *types.Func) bool {
	if fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
		return true
	}
	return strings.Contains(fn.Name(), "Deref")
}

// fetchVerbs start the names of functions that fetch something.
var fetchVerbs = []string{"get", "load", "fetch", "read", "lookup", "find", "resolve"}

// isSecretFetch reports whether fn fetches a secret by name: its name
// starts with a fetching verb and mentions a secret (GetSecret,
// loadSecretValue), or it is a Get-like method of a type named for
// secrets (client-go's SecretInterface.Get, a SecretLister's Get).
func isSecretFetch(fn *types.Func) bool {
	name := strings.ToLower(fn.Name())
	verb := false
	for _, v := range fetchVerbs {
		if strings.HasPrefix(name, v) {
			verb = true
			break
		}
	}
	if !verb {
		return false
	}
	if strings.Contains(name, "secret") {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && strings.Contains(strings.ToLower(typeName(sig.Recv().Type())), "secret")
}

// isSecretRef reports whether obj, whose name denotes cpt, is a secret's
// name the package fetches the secret by.
func (c *checker) isSecretRef(obj types.Object, cpt *concept) bool {
	return cpt != nil && cpt.id == "secret" && c.refs.objs[obj]
}

// namesFetchedSecret reports whether the local v, assigned what carries
// assigned, is a secret's name: the package fetches a secret by it, and
// neither its own name nor what it was assigned says it is another kind
// of credential (a token or password handed to the fetch to authenticate
// it stays what it is).
func (c *checker) namesFetchedSecret(v *types.Var, assigned flow) bool {
	if !c.refs.objs[v] {
		return false
	}
	if cpt := c.v.conceptOf(v.Name()); cpt != nil && cpt.id != "secret" {
		return false
	}
	return assigned.src == nil || assigned.src.desc == secretDesc
}
