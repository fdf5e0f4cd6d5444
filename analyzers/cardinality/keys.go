package cardinality

import (
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// A deniedKey is a phrase of normalised words that, when a metric
// attribute key or label name ends with it, marks the key as unbounded.
type deniedKey struct {
	words []string
	// what names the kind of value, for messages ("a user id").
	what string
	// advice says what to do instead.
	advice string
	// names is true when a variable or field with this name is itself a
	// sign of an unbounded value (userID, req.SessionID), not only a key.
	names bool
	// byValue is true when the key's name alone does not say the value is
	// unbounded: a "path" label holds a route template as often as a raw
	// path, so its values are judged where they are given.
	byValue bool
}

const (
	adviceMove = "move it to a span attribute or log field"
	adviceTime = "drop it: every data point already carries its timestamp"
	adviceURL  = "use the route pattern (r.Pattern, or your router's template) instead, or move it to a span attribute"
)

// defaultDenied is the default deny list. Each entry matches a key whose
// normalised words end with it: "user id" matches user_id, user.id, userId,
// UserID and http.user_id.
var defaultDenied = []deniedKey{
	{words: w("user id"), what: "a user id", names: true},
	{words: w("userid"), what: "a user id", names: true},
	{words: w("enduser id"), what: "a user id", names: true},
	{words: w("user name"), what: "a user name", names: true},
	{words: w("username"), what: "a user name", names: true},
	{words: w("customer id"), what: "a customer id", names: true},
	{words: w("account id"), what: "an account id", names: true},
	{words: w("request id"), what: "a request id", names: true},
	{words: w("req id"), what: "a request id", names: true},
	{words: w("correlation id"), what: "a correlation id", names: true},
	{words: w("trace id"), what: "a trace id", names: true},
	{words: w("span id"), what: "a span id", names: true},
	{words: w("session id"), what: "a session id", names: true},
	{words: w("order id"), what: "an order id", names: true},
	{words: w("transaction id"), what: "a transaction id", names: true},
	{words: w("txn id"), what: "a transaction id", names: true},
	{words: w("cart id"), what: "a cart id", names: true},
	{words: w("invoice id"), what: "an invoice id", names: true},
	{words: w("payment id"), what: "a payment id", names: true},
	{words: w("message id"), what: "a message id", names: true},
	{words: w("event id"), what: "an event id", names: true},
	{words: w("job id"), what: "a job id", names: true},
	{words: w("task id"), what: "a task id", names: true},
	{words: w("run id"), what: "a run id", names: true},
	{words: w("device id"), what: "a device id", names: true},
	{words: w("visitor id"), what: "a visitor id", names: true},
	{words: w("uuid"), what: "a uuid", names: true},
	{words: w("guid"), what: "a uuid", names: true},
	{words: w("id"), what: "an id"}, // only the whole key "id", see matchDenied
	{words: w("email"), what: "an email address", names: true},
	{words: w("email address"), what: "an email address", names: true},
	{words: w("ip"), what: "an IP address", names: true},
	{words: w("ip address"), what: "an IP address", names: true},
	{words: w("ip addr"), what: "an IP address", names: true},
	{words: w("client address"), what: "a client address", names: true},
	{words: w("client addr"), what: "a client address", names: true},
	{words: w("remote address"), what: "a client address", names: true},
	{words: w("remote addr"), what: "a client address", names: true},
	{words: w("peer address"), what: "a peer address", names: true},
	{words: w("forwarded for"), what: "a client address", names: true},
	{words: w("url"), what: "a full URL", advice: adviceURL},
	{words: w("uri"), what: "a full URL", advice: adviceURL},
	{words: w("url full"), what: "a full URL", advice: adviceURL},
	{words: w("http target"), what: "a raw request path", advice: adviceURL},
	{words: w("url path"), what: "a raw path", advice: adviceURL}, // semantic conventions' url.path is the raw path
	{words: w("path"), what: "a raw path", advice: adviceURL, byValue: true},
	{words: w("query string"), what: "a query string", advice: adviceURL},
	{words: w("url query"), what: "a query string", advice: adviceURL},
	{words: w("raw query"), what: "a query string", advice: adviceURL},
	{words: w("query text"), what: "a query text"},
	{words: w("statement"), what: "a query text"},
	{words: w("timestamp"), what: "a timestamp", advice: adviceTime},
	{words: w("ts"), what: "a timestamp", advice: adviceTime},
	{words: w("time"), what: "a timestamp", advice: adviceTime},
	{words: w("datetime"), what: "a timestamp", advice: adviceTime},
	{words: w("date"), what: "a date", advice: adviceTime},
	{words: w("created at"), what: "a timestamp", advice: adviceTime},
	{words: w("updated at"), what: "a timestamp", advice: adviceTime},
	{words: w("error message"), what: "an error message", advice: "record a bounded error type or code instead"},
	{words: w("exception message"), what: "an error message", advice: "record a bounded error type or code instead"},
}

func w(s string) []string { return strings.Fields(s) }

// keyPolicy is the deny list after the -cardinality.keys and
// -cardinality.allow flags.
type keyPolicy struct {
	denied  []deniedKey
	allowed [][]string
	// tenantUsers is set in a multi-tenant back end (see multiTenant),
	// where a "user" is the tenant: its user ids are org ids, bounded by
	// the number of tenants.
	tenantUsers bool
}

// tenantDenied reports whether the deny list names a tenant (a team that
// lists tenant_id in -cardinality.keys finds its tenants too many).
func (p keyPolicy) tenantDenied() bool {
	for _, d := range p.denied {
		if slices.Contains(d.words, "tenant") {
			return true
		}
	}
	return false
}

// tenantUserWords are the deny-list entries that name the tenant in a
// multi-tenant back end.
var tenantUserWords = [][]string{w("user id"), w("userid")}

func isTenantUser(d deniedKey) bool {
	for _, t := range tenantUserWords {
		if strings.Join(t, " ") == strings.Join(d.words, " ") {
			return true
		}
	}
	return false
}

// newPolicy returns the deny list in effect: the defaults plus keys, less
// allow.
func newPolicy(keys, allow []string) keyPolicy {
	p := keyPolicy{denied: defaultDenied}
	for _, k := range keys {
		if ws := api.Words(k); len(ws) > 0 {
			p.denied = append(p.denied, deniedKey{words: ws, what: "a configured high-cardinality key " + quote(k), names: true})
		}
	}
	for _, k := range allow {
		if ws := api.Words(k); len(ws) > 0 {
			p.allowed = append(p.allowed, ws)
		}
	}
	return p
}

// stringList is a flag.Value holding a comma-separated list.
type stringList struct {
	mu  sync.RWMutex
	val []string
}

func (l *stringList) String() string {
	if l == nil {
		return ""
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return strings.Join(l.val, ",")
}

func (l *stringList) Set(s string) error {
	l.mu.Lock()
	l.val = api.SplitList(s)
	l.mu.Unlock()
	return nil
}

func (l *stringList) list() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]string(nil), l.val...)
}

// deniedKey returns the deny-list entry matching key, unless key is allowed.
func (p keyPolicy) deniedKey(key string) (deniedKey, bool) {
	ws := api.Words(key)
	if len(ws) == 0 || p.allowedWords(ws) {
		return deniedKey{}, false
	}
	return p.match(ws, false)
}

// allowedKey reports whether key is exempted by -cardinality.allow.
func (p keyPolicy) allowedKey(key string) bool {
	return p.allowedWords(api.Words(key))
}

func (p keyPolicy) allowedWords(ws []string) bool {
	for _, a := range p.allowed {
		if hasSuffix(ws, a) {
			return true
		}
	}
	return false
}

// deniedName returns the deny-list entry matching the name of a variable or
// field (userID, req.SessionID): only entries marked names count.
func (p keyPolicy) deniedName(name string) (deniedKey, bool) {
	ws := api.Words(name)
	if len(ws) == 0 || p.allowedWords(ws) {
		return deniedKey{}, false
	}
	return p.match(ws, true)
}

func (p keyPolicy) match(ws []string, namesOnly bool) (deniedKey, bool) {
	best, found := deniedKey{}, false
	for _, d := range p.denied {
		if namesOnly && !d.names || p.tenantUsers && isTenantUser(d) {
			continue
		}
		if len(d.words) == 1 && d.words[0] == "id" {
			// A bare "id" says nothing about what is identified unless it
			// is the whole key.
			if len(ws) != 1 || ws[0] != "id" {
				continue
			}
		}
		if hasSuffix(ws, d.words) && (!found || len(d.words) > len(best.words)) {
			best, found = d, true
		}
	}
	return best, found
}

func hasSuffix(ws, suffix []string) bool {
	if len(suffix) == 0 || len(suffix) > len(ws) {
		return false
	}
	off := len(ws) - len(suffix)
	for i, s := range suffix {
		if ws[off+i] != s {
			return false
		}
	}
	return true
}

// nameWords returns the words of a metric or instrument name.
func nameWords(s string) []string { return api.Words(s) }

func quote(s string) string { return `"` + s + `"` }

// tenancyPaths are the packages through which a multi-tenant back end reads
// the tenant of a request (the org id of the X-Scope-OrgID header), calling
// it the "user": its userID values are tenant ids.
var tenancyPaths = []string{
	"github.com/grafana/dskit/tenant",
	"github.com/grafana/dskit/user",
	"github.com/weaveworks/common/user",
	"github.com/cortexproject/cortex/pkg/tenant",
}

// multiTenant reports whether pkg depends on a tenancy package, so that a
// "user" in it is a tenant.
func multiTenant(pkg *types.Package) bool {
	for _, p := range tenancyPaths {
		if api.DependsOn(pkg, p) {
			return true
		}
	}
	return false
}
