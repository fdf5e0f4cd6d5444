package pii

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// A bare "token" names a credential less often than its other meanings: a
// page or continuation token, a datastore's consistency token handed back
// to clients, an ACME challenge token the CA requests in a public URL, a
// lexical token. So a name whose head is "token" alone (bareToken) is
// reported only with evidence that the value authenticates: the struct
// that holds it keeps credentials (a password, secret, key or qualified
// token beside it, or a name such as Credentials, Auth or Session), or
// hides it from encoders (json:"-"), or the value was read from a source
// that is a credential by itself (an Authorization header, a secret's
// name). Without evidence the rule stays quiet.

// nameEvidenced reports whether a concept found in a name may be reported
// without more evidence.
func nameEvidenced(cpt *concept) bool {
	return cpt != nil && !cpt.needsEvidence
}

// fieldEvidenced reports whether field f of the struct type owner holds
// what its name says: always for a plain concept; for a bare token, when
// owner is a credential holder or f is hidden from encoders.
func (c *checker) fieldEvidenced(cpt *concept, owner types.Type, f *types.Var, tag string) bool {
	if nameEvidenced(cpt) {
		return true
	}
	if t := reflect.StructTag(tag); t.Get("json") == "-" || t.Get("yaml") == "-" {
		return true
	}
	return c.holdsCredentials(owner, f)
}

// credentialOwnerWords are words of a type's name that say it holds
// credentials: Credentials, AuthConfig, SessionState, LoginRequest.
var credentialOwnerWords = map[string]bool{
	"auth": true, "authn": true, "authentication": true, "credential": true, "credentials": true,
	"creds": true, "session": true, "login": true, "oauth": true, "oauth2": true, "sso": true,
}

// holdsCredentials reports whether the named struct type owner keeps
// credentials: its name says so (AuthConfig, APIToken), or another of its
// fields than except is a password, secret, key or qualified token.
func (c *checker) holdsCredentials(owner types.Type, except *types.Var) bool {
	name := typeName(owner)
	if name == "" {
		return false
	}
	if cpt := c.v.conceptOf(name); nameEvidenced(cpt) && !cpt.identity {
		return true
	}
	for _, w := range api.Words(name) {
		if credentialOwnerWords[w] {
			return true
		}
	}
	st := structOf(owner)
	if st == nil {
		return false
	}
	for i := range st.NumFields() {
		g := st.Field(i)
		if g == except || api.ContainsRedactorWord(strings.ToLower(g.Name())) {
			continue
		}
		cpt := c.v.conceptOf(g.Name())
		if cpt == nil {
			cpt = c.typeConcept(g.Type())
		}
		if nameEvidenced(cpt) && !cpt.identity && qualifies(g.Type(), cpt) {
			return true
		}
	}
	return false
}

// recvOwner is the type of the receiver of fn, or nil.
func recvOwner(fn *types.Func) types.Type {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}
