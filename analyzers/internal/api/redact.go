package api

import (
	"go/ast"
	"go/types"
	"strings"
	"sync"
)

// DefaultRedactorWords are the words that make a function a redaction helper
// when its name, its receiver type's name or its package's name contains
// one of them (case-insensitively): hashPhone, MaskEmail, redact.String,
// (*Anonymizer).Apply, obfuscateToken, truncate, Last4.
var DefaultRedactorWords = []string{"hash", "mask", "redact", "anonymize", "anonymise", "obfuscate", "truncate", "last4"}

// undoWords undo a redaction: a name containing one holds the clear value.
var undoWords = []string{"unmask", "unredact", "unhash", "deanonymi", "deobfuscat", "unobfuscat", "untruncat"}

// redactorFuncs are standard-library functions whose result reveals nothing
// of their input: cryptographic digests, hash.Hash sums (sha256.New,
// hmac.New, ...), and url.URL's Redacted.
var redactorFuncs = map[string]bool{
	"crypto/sha256.Sum256":     true,
	"crypto/sha256.Sum224":     true,
	"crypto/sha512.Sum512":     true,
	"crypto/sha512.Sum384":     true,
	"crypto/sha512.Sum512_224": true,
	"crypto/sha512.Sum512_256": true,
	"crypto/sha1.Sum":          true,
	"crypto/md5.Sum":           true,
	"(hash.Hash).Sum":          true,
	"(*net/url.URL).Redacted":  true,
}

// Redactors is the configured list of redaction helpers users add to the
// defaults: a comma-separated list whose entries are either words (matched
// like DefaultRedactorWords) or full function names as go/types prints them
// ("example.com/pii.Scrub", "(*example.com/pii.Vault).Seal"). It is a
// flag.Value; the pii rule exposes it as -pii.redactors.
var Redactors = &RedactorList{}

// RedactorList is a flag.Value holding extra redaction helpers.
type RedactorList struct {
	mu    sync.RWMutex
	src   []string
	words []string
	funcs map[string]bool
}

// String returns the list as it was set.
func (l *RedactorList) String() string {
	if l == nil {
		return ""
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return strings.Join(l.src, ",")
}

// Set replaces the extra redactors with the comma-separated entries of s.
func (l *RedactorList) Set(s string) error {
	src := SplitList(s)
	var words []string
	funcs := map[string]bool{}
	for _, e := range src {
		if strings.ContainsAny(e, "./()") {
			funcs[e] = true
		} else {
			words = append(words, strings.ToLower(e))
		}
	}
	l.mu.Lock()
	l.src, l.words, l.funcs = src, words, funcs
	l.mu.Unlock()
	return nil
}

func (l *RedactorList) matches(full string, names []string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.funcs[full] {
		return true
	}
	for _, n := range names {
		for _, w := range l.words {
			if strings.Contains(n, w) {
				return true
			}
		}
	}
	return false
}

// IsRedactor reports whether fn is a redaction helper: a digest or MAC from
// the standard library, a function whose name, receiver type or package
// name contains a default redactor word, or one configured in Redactors.
func IsRedactor(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	full := FullName(fn)
	if redactorFuncs[full] {
		return true
	}
	names := []string{strings.ToLower(fn.Name())}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n := NamedOf(sig.Recv().Type()); n != nil {
			names = append(names, strings.ToLower(n.Obj().Name()))
		}
	}
	if fn.Pkg() != nil {
		names = append(names, strings.ToLower(fn.Pkg().Name()))
	}
	for _, n := range names {
		if ContainsRedactorWord(n) {
			return true
		}
	}
	return removesSecret(fn.Name()) || Redactors.matches(full, names)
}

// removalVerbs and secretWords make a name such as StripPassword,
// RemoveCredentials or hideSecrets: a function that takes the secret out
// of what it returns (a URL without its password).
var (
	removalVerbs = map[string]bool{"strip": true, "remove": true, "drop": true, "omit": true, "hide": true, "elide": true}
	secretWords  = map[string]bool{"password": true, "passwd": true, "secret": true, "secrets": true, "token": true, "tokens": true,
		"credential": true, "credentials": true, "creds": true, "userinfo": true}
)

// removesSecret reports whether a function's name says it removes a
// secret: a removal verb first, a secret word after it.
func removesSecret(name string) bool {
	ws := Words(name)
	if len(ws) < 2 || !removalVerbs[ws[0]] {
		return false
	}
	for _, w := range ws[1:] {
		if secretWords[w] {
			return true
		}
	}
	return false
}

// IsRedactorCall reports whether call invokes a redaction helper.
func IsRedactorCall(info *types.Info, call *ast.CallExpr) bool {
	return IsRedactor(Callee(info, call))
}

// ContainsRedactorWord reports whether the lower-case name s contains a
// default or configured redactor word. Identifiers and keys spelled this
// way (phone_hash, maskedEmail) name a value that is already redacted.
func ContainsRedactorWord(s string) bool {
	for _, neg := range undoWords {
		if strings.Contains(s, neg) {
			return false // unmaskedEmail, deobfuscateToken: the clear value
		}
	}
	for _, w := range DefaultRedactorWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	Redactors.mu.RLock()
	defer Redactors.mu.RUnlock()
	for _, w := range Redactors.words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// NamedOf returns the named type of t, looking through aliases and one
// pointer, or nil.
func NamedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}
