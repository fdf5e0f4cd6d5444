package spanname

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strings"
	"unicode"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// conventionForms are the name forms the default convention accepts.
var conventionForms = []string{
	// OrderService.PlaceOrder, Payment.OrderService.CreateOrder
	`[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+`,
	// orders.Create, userrepo.FindByEmail: a Go qualified identifier
	// (package.Func), as many Go services name their spans
	`[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*`,
	// walBlock.Append, vparquet.compactor.finishBlock: Go identifiers in
	// their own letter case ([pkg.]receiverType.Method, unexported types
	// in lowerCamel)
	`[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+`,
	// GET, GET /orders/{id}, HTTP GET, HTTP POST /payments
	`(?:HTTP )?(?:GET|HEAD|POST|PUT|PATCH|DELETE|CONNECT|OPTIONS|TRACE)(?: /\S*)?`,
	// HTTP: otelhttp's name for a non-standard method
	`HTTP`,
	// /orders/{id}: an http.route, the older server-span name
	`/\S*`,
	// kafka.publish, db.query, http.server
	`[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+`,
	// orders publish, orders.created process (messaging, before semconv 1.26)
	`\S+ (?:publish|process|receive|send|create|settle|deliver)`,
	// send orders, process shop.orders (messaging, semconv 1.26 and later)
	`(?:publish|process|receive|send|create|settle|deliver) \S+`,
	// SELECT orders
	`(?:SELECT|INSERT|UPDATE|DELETE|UPSERT|MERGE|CALL|EXEC|EXECUTE|BEGIN|COMMIT|ROLLBACK)(?: \S+)?`,
	// orders.v1.OrderService/PlaceOrder (gRPC)
	`[A-Za-z_][\w.]*/[A-Za-z_]\w*`,
	// query GetOrder (GraphQL)
	`(?:query|mutation|subscription)(?: [A-Za-z_]\w*)?`,
}

// defaultConvention accepts dotted identifiers of at least two segments and the semantic-convention forms instrumentation libraries use.
var defaultConvention = regexp.MustCompile(`^(?:` + strings.Join(conventionForms, "|") + `)$`)

// conforms reports whether name follows the convention: the -pattern
// expression when set, the default convention otherwise.
func conforms(name string) bool {
	if re := pattern.get(); re != nil {
		return re.MatchString(name)
	}
	return defaultConvention.MatchString(name)
}

var bareIdentifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// functionStyleMessage reports whether name is function-style — it
// repeats the name of the function it is written in (ignoring case and
// separators), or is a bare identifier with no domain qualifier — and says
// what to write instead.
func functionStyleMessage(pkg *types.Package, decl *ast.FuncDecl, name string) (string, bool) {
	var suffix string
	if s := suggestDomain(pkg, decl, name) + pascal(name); defaultConvention.MatchString(s) && conforms(s) {
		suffix = fmt.Sprintf(", e.g. %q", s)
	}
	form := "as Service.Action"
	if p := pattern.String(); p != "" {
		form = "to match the configured pattern " + p
	}
	if decl != nil && normalize(name) == normalize(decl.Name.Name) && normalize(name) != "" {
		return fmt.Sprintf("span name %q repeats the function name %s; name the operation the system performs %s%s", name, decl.Name.Name, form, suffix), true
	}
	if bareIdentifier.MatchString(name) {
		return fmt.Sprintf("span name %q is a bare identifier with no domain qualifier; name the operation %s%s", name, form, suffix), true
	}
	return "", false
}

// suggestDomain returns the qualifier to suggest for a span name written in
// decl: the receiver's type name of a method, the package name of a
// function ("Orders."), or "" when there is none to offer.
func suggestDomain(pkg *types.Package, decl *ast.FuncDecl, name string) string {
	if decl != nil {
		if recv := receiverName(decl); recv != "" && !strings.EqualFold(recv, name) {
			return pascal(recv) + "."
		}
	}
	if pkg != nil && pkg.Name() != "main" && !strings.EqualFold(pkg.Name(), name) {
		return pascal(pkg.Name()) + "."
	}
	return ""
}

// normalize lower-cases s and drops everything but letters and digits.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// pascal turns an identifier or a snake/kebab-case word into PascalCase:
// handle_request → HandleRequest, doWork → DoWork.
func pascal(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '_' || r == '-' || r == ' ' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// conventionMessage says why name does not follow the convention. It
// suggests no rename: the only mechanical one would re-case or re-separate
// the same words, which tells the user nothing the message does not.
func conventionMessage(name string) string {
	if re := pattern.get(); re != nil {
		return fmt.Sprintf("span name %q does not match the configured pattern %s; rename it or add it to -spanname.allow", name, pattern.String())
	}
	return fmt.Sprintf("span name %q does not follow the naming convention; use dotted identifiers such as \"OrderService.PlaceOrder\" or a semantic-convention name such as \"GET /orders/{id}\" or \"kafka.publish\"", name)
}

// dynamicMessage says where an unbounded name comes from and what to do.
func dynamicMessage(v value, p part) string {
	if p.route {
		what := "the path in the url.path attribute"
		if p.input {
			what = "the value as a span attribute"
			if s := skeleton(v, true); strings.Contains(s, "{") && defaultConvention.MatchString(s) && conforms(s) {
				return fmt.Sprintf("span name is built from %s (%s), which has unbounded cardinality; name the span after the route template %q and record %s", p.src, p.why, s, what)
			}
		}
		return fmt.Sprintf("span name is built from %s (%s), which has unbounded cardinality; name the span after the route template (r.Pattern, or a constant such as \"GET /orders/{id}\") and record %s", p.src, p.why, what)
	}
	fixed := ""
	for _, routeStyle := range []bool{true, false} {
		if s := skeleton(v, routeStyle); s != "" && defaultConvention.MatchString(s) && conforms(s) {
			fixed = fmt.Sprintf(" such as %q", s)
			break
		}
	}
	return fmt.Sprintf("span name is built from %s (%s), which has unbounded cardinality; use a fixed name%s and record %s as a span attribute", p.src, p.why, fixed, p.src)
}

// skeleton returns the name v would have without its unbounded parts: with
// routeStyle, a part that follows a slash becomes a {placeholder}
// ("/orders/{id}"); other parts are dropped with their separators
// ("Orders.Get"). It is "" when a part is unknown.
func skeleton(v value, routeStyle bool) string {
	var b strings.Builder
	for _, p := range v {
		switch p.kind {
		case litPart:
			b.WriteString(p.text)
		case unboundedPart:
			if routeStyle && strings.HasSuffix(b.String(), "/") {
				b.WriteString("{" + placeholder(p.src) + "}")
			} else {
				s := strings.TrimRight(b.String(), " .-_:#=/")
				b.Reset()
				b.WriteString(s)
			}
		default:
			return ""
		}
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), " .-_:#=/")
}

// placeholder names a route parameter after the expression it replaces:
// orderID → id, req.UserID → id, i → i.
func placeholder(src string) string {
	if strings.HasSuffix(src, "\")") {
		// r.PathValue("id"), r.FormValue("page")
		if i := strings.LastIndex(src, "(\""); i >= 0 {
			return src[i+2 : len(src)-2]
		}
	}
	if i := strings.LastIndexAny(src, ".("); i >= 0 {
		src = src[i+1:]
	}
	src = strings.Trim(src, "()")
	if denotesID(src) {
		return "id"
	}
	if src == "" {
		return "id"
	}
	return src
}

// idWords are the last words of identifiers naming an ID.
var idWords = map[string]bool{"uuids": true, "uuid": true, "guid": true, "uid": true, "ids": true, "id": true, "email": true, "token": true}

// denotesID reports whether an identifier's last word denotes an ID:
// orderID, user_id, traceId, IDs, requestUUID, email (not VALID or paid).
// An ID of a kind of thing rather than of an instance — operationID (an
// OpenAPI operationId), routeID, methodID, eventTypeID — names one of a
// fixed set and is not one.
func denotesID(name string) bool {
	words := api.Words(name)
	if len(words) == 0 || !idWords[words[len(words)-1]] {
		return false
	}
	if last := words[len(words)-1]; (last == "id" || last == "ids") && len(words) > 1 {
		return !schemaWords[words[len(words)-2]]
	}
	return true
}

// schemaWords name kinds of things whose IDs come from a fixed set: the
// operations of an API, the routes of a router, the types of events, the
// services of a cloud SDK ("S3", "DynamoDB"), the regions it runs in.
var schemaWords = map[string]bool{
	"operation": true, "route": true, "method": true, "handler": true, "endpoint": true,
	"action": true, "command": true, "procedure": true, "rpc": true, "type": true, "kind": true,
	"service": true, "region": true, "zone": true, "provider": true, "plugin": true, "component": true,
	"module": true, "feature": true, "metric": true, "signal": true, "protocol": true, "format": true,
	"stage": true, "phase": true, "step": true, "status": true, "category": true, "class": true, "scheme": true,
}
