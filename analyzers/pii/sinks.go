package pii

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// sink names where a value ends up, for messages: `zap field "email"`,
// `span attribute "user.phone"`, `the message of log.Printf`.
type sink struct {
	what    string
	baggage bool
	// spanData is set for what is stored with the span it describes —
	// attributes (also those whose span or instrument the rule cannot
	// see), recorded errors, status descriptions — where an identity
	// (concept.identity) is what the semantic conventions put; span and
	// event names are not: back ends group and count spans by them.
	spanData bool
	// through names the same-package wrapper the value reaches the sink
	// through, if any.
	through string
	// diagnostic is set for a sink inside a same-package wrapper that lies
	// in a debug record or a debugging component (see checker.diagnostic).
	diagnostic bool
	// number is set when what a wrapper passes on to the sink is a
	// number computed from its parameter (v[i], int(r)), not the
	// parameter itself.
	number bool
}

// String names the sink for messages.
func (s sink) String() string {
	if s.through != "" {
		return s.what + " through " + s.through
	}
	return s.what
}

// checkSink checks one call or literal that may put data into telemetry.
func (c *checker) checkSink(n ast.Node) {
	saved := c.inDiagnostic
	c.inDiagnostic = c.diagnostic[n]
	defer func() { c.inDiagnostic = saved }()
	if lit, ok := n.(*ast.CompositeLit); ok {
		lib := "logrus field"
		mode := modeLogrus
		if api.IsPromLabelsMap(api.TypeOf(c.info, lit)) {
			lib, mode = "Prometheus label", modeNone
		}
		c.checkMapLiteral(lit, lib, mode)
		return
	}
	call := n.(*ast.CallExpr)
	if fn := api.Callee(c.info, call); c.isLocalFunc(fn) {
		c.checkWrapperCall(call, fn)
		if !mayBeSink(fn) {
			return
		}
	}
	if lc, ok := api.LogCallOf(c.info, call); ok {
		// fmt.Print* to stdout is a command's output as often as a log:
		// a CLI printing the token it just created is doing its job.
		if lc.Library != api.LibFmt {
			c.checkLogCall(lc)
		}
		return
	}
	if kv, ok := api.LogKeyValuesOf(c.info, call); ok {
		lib := string(kv.Library)
		if kv.Args != nil {
			c.checkKeyValues(kv.Args, lib, libMode(kv.Library), "")
			c.forwardsKeyValues(call, lib, libMode(kv.Library))
		} else if lit, ok := ast.Unparen(kv.Map).(*ast.CompositeLit); ok && !api.IsLogFieldMap(api.TypeOf(c.info, lit)) {
			c.checkMapLiteral(lit, lib+" field", libMode(kv.Library))
		}
		return
	}
	if f, ok := api.LogFieldOf(c.info, call); ok {
		c.checkLogField(f, call)
		return
	}
	if f, ok := api.LogContextFieldOf(c.info, call); ok {
		c.checkLogField(f, call)
		return
	}
	if f, ok := api.LogErrorFieldOf(c.info, call); ok {
		c.checkLogField(f, call)
		return
	}
	if a, ok := api.AttributeOf(c.info, call); ok {
		what := c.attrCtx[call]
		if what == "" {
			what = "attribute"
		}
		key, _ := api.AttributeKey(c.info, a.Key)
		c.checkValue(sink{what: keyed(what, key), spanData: what != "metric attribute"}, key, a.Value, modeNone)
		return
	}
	if s, ok := api.SpanStartOf(c.info, call); ok {
		if name := s.Name(); name != nil {
			c.checkValue(sink{what: "the span name of " + calleeText(call)}, "", name, modeNone)
		}
		return
	}
	if _, m, ok := api.SpanMethodCall(c.info, call); ok {
		c.checkSpanMethod(call, m)
		return
	}
	if pl, ok := api.PromLabelsOf(c.info, call); ok {
		for _, v := range pl.Values {
			c.checkValue(sink{what: "a Prometheus label value"}, "", v, modeNone)
		}
		if lit, ok := ast.Unparen(pl.Map).(*ast.CompositeLit); ok && !api.IsPromLabelsMap(api.TypeOf(c.info, lit)) {
			c.checkMapLiteral(lit, "Prometheus label", modeNone)
		}
		return
	}
	if b, ok := api.BaggageEntryOf(c.info, call); ok {
		key, _ := api.StringConst(c.info, b.Key)
		what := "baggage member"
		if !b.Member {
			what = "baggage property"
		}
		c.checkValue(sink{what: keyed(what, key), baggage: true}, key, b.Value, modeNone)
	}
}

// checkLogCall checks the message, printed operands and key/value pairs of
// a call that emits a log record.
func (c *checker) checkLogCall(lc api.LogCall) {
	call := lc.Call
	s := sink{what: "the log message of " + calleeText(call)}
	mode := modeFmt // printed operands are formatted with fmt by every library
	if lc.KeyValues {
		mode = libMode(lc.Library)
	}
	switch {
	case lc.Msg >= 0 && lc.Format:
		for _, op := range c.printedOperands(call, lc.Msg, lc.Msg+1) {
			c.checkValue(s, "", op.e, mode)
		}
		c.forwardsPrintf(call, lc.Msg, s, mode)
		if lc.Msg < len(call.Args) {
			c.checkValue(s, "", call.Args[lc.Msg], modeNone)
		}
	case lc.Msg >= 0:
		if lc.Msg < len(call.Args) {
			c.checkValue(s, "", call.Args[lc.Msg], modeNone)
		}
	default:
		first := 0
		if strings.HasPrefix(lc.Method, "Fprint") || (lc.Library == api.LibLogrus && strings.HasPrefix(lc.Method, "Log")) {
			first = 1
		}
		for _, op := range c.printedOperands(call, -1, first) {
			c.checkValue(s, "", op.e, mode)
		}
	}
	if lc.Fields >= 0 && lc.KeyValues && lc.Fields < len(call.Args) {
		if call.Ellipsis.IsValid() {
			c.forwardsKeyValues(call, string(lc.Library), mode)
		} else {
			c.checkKeyValues(call.Args[lc.Fields:], string(lc.Library), mode, "")
		}
	}
}

// checkKeyValues checks an alternating key, value list (slog's args,
// zap's ...w methods), skipping typed fields (slog.Attr, zap.Field) that
// are checked where they are built.
func (c *checker) checkKeyValues(args []ast.Expr, lib string, mode exposeMode, through string) {
	for i := 0; i < len(args); i++ {
		t := api.TypeOf(c.info, args[i])
		if api.IsNamed(t, api.SlogPath, "Attr") || api.IsNamed(t, "go.uber.org/zap/zapcore", "Field") {
			continue
		}
		if !isStringLike(t) || i+1 >= len(args) {
			continue
		}
		key, _ := api.StringConst(c.info, args[i])
		c.checkValue(sink{what: keyed(lib+" field", key), through: through}, key, args[i+1], mode)
		i++
	}
}

// checkMapLiteral checks a map literal of fields or labels:
// logrus.Fields{"email": e}, prometheus.Labels{"user": u}.
func (c *checker) checkMapLiteral(lit *ast.CompositeLit, what string, mode exposeMode) {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := api.StringConst(c.info, kv.Key)
		c.checkValue(sink{what: keyed(what, key)}, key, kv.Value, mode)
	}
}

// checkLogField checks a structured field constructor: zap.String,
// slog.Any, logrus's WithField, zerolog's Str.
func (c *checker) checkLogField(f api.LogField, call *ast.CallExpr) {
	if f.Value == nil {
		return
	}
	key := ""
	if f.Key != nil {
		key, _ = api.StringConst(c.info, f.Key)
	}
	mode := modeNone
	if fn := api.Callee(c.info, call); fn != nil {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Params().Len() >= 1 {
			if types.IsInterface(sig.Params().At(sig.Params().Len() - 1).Type()) {
				mode = libMode(f.Library) // zap.Any, slog.Any, WithField, Interface
			}
		}
	}
	what := keyed(string(f.Library)+" field", key)
	if f.Key == nil {
		what = "the " + string(f.Library) + " error field" // zap.Error, logrus WithError, zerolog Err
	}
	c.checkValue(sink{what: what}, key, f.Value, mode)
}

// checkSpanMethod checks what span methods record: event names, errors,
// status descriptions and renamed span names.
func (c *checker) checkSpanMethod(call *ast.CallExpr, method string) {
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch method {
	case "AddEvent":
		c.checkValue(sink{what: "the span event name"}, "", arg(0), modeNone)
	case "RecordError":
		c.checkValue(sink{what: "the error recorded on the span", spanData: true}, "", arg(0), modeNone)
	case "SetStatus":
		c.checkValue(sink{what: "the span status description", spanData: true}, "", arg(1), modeNone)
	case "SetName":
		c.checkValue(sink{what: "the span name"}, "", arg(0), modeNone)
	}
}

// checkValue reports value when it carries personal data into s: a
// struct shown whole, a value from a personal-data source, or — under a
// key naming personal data — a value not known to be redacted.
func (c *checker) checkValue(s sink, key string, value ast.Expr, mode exposeMode) {
	if value == nil || api.IsConst(c.info, value) {
		return
	}
	if c.masksItself(api.TypeOf(c.info, value), mode) {
		return
	}
	if c.summary != nil {
		c.summarize(s, value, mode)
		return
	}
	if src := c.structSource(value, mode); src != nil {
		if !allowedIn(s, src.identity) {
			c.report(s, value, src)
		}
		return
	}
	f := c.flowOf(value)
	if f.src != nil {
		if !shownAs(f.src, s.number || isNumber(api.TypeOf(c.info, value))) || allowedIn(s, f.src.identity) {
			return
		}
		c.report(s, value, f.src)
		return
	}
	if f.clean || key == "" {
		return
	}
	if cpt := c.v.conceptOf(key); nameEvidenced(cpt) && qualifies(api.TypeOf(c.info, value), cpt) && !allowedIn(s, cpt.identity) {
		advice := "pass it through a redaction helper (hash, mask) or drop it"
		if s.baggage {
			advice = "keep personal data out of baggage, which is sent to every downstream service in a header"
			if cpt.identity {
				advice += "; set it as a span attribute instead"
			}
		}
		c.r.Reportf(checkKey, value, "%s names %s but its value %s is not masked or hashed; %s",
			s, cpt.desc, exprText(value), advice)
	}
}

// allowedIn reports whether personal data that is only an identity
// (identity: an email address, a phone number) may go to s: span data
// may hold it, as the semantic conventions' user.email and enduser.id do;
// logs, metrics, baggage and span names may not. Secrets, card data and
// government identifiers go nowhere.
func allowedIn(s sink, identity bool) bool {
	return identity && s.spanData
}

// shownAs reports whether src is still personal data when the sink shows
// only a number (or boolean) computed from it: a byte or rune of a string
// (log.Printf("invalid byte %q", v[i])), a hash bucket, a count. Only
// identifiers that are numbers by nature, and tagged fields, are.
func shownAs(src *source, number bool) bool {
	return !number || src.numeric || src.check == checkTagged
}

// report reports value reaching s with the personal data of src.
func (c *checker) report(s sink, value ast.Expr, src *source) {
	if src.response && c.onFailurePath(value.Pos()) {
		return // a failed call's answer, logged as its error message
	}
	subject := subjectOf(exprText(value), src)
	switch src.check {
	case checkStruct:
		advice := "log only the fields you need"
		if src.method != "" {
			advice += fmt.Sprintf(", or give %s a %s method that masks it", src.typ, src.method)
		}
		field, desc := src.field, src.desc
		if s.spanData && src.spanField != "" {
			field, desc = src.spanField, src.spanDesc
		}
		c.r.Reportf(checkStruct, value, "%s reaches %s whole and exposes field %s (%s); %s",
			subject, s, field, desc, advice)
	case checkBody:
		if c.inDiagnostic || s.diagnostic {
			return // a payload dumped at debug level, or by a debugging aid: switched on to diagnose
		}
		c.r.Reportf(checkBody, value, "%s reaches %s; record only the fields you need, never whole bodies, forms or header maps",
			subject, s)
	default:
		advice := "mask or hash it, or drop it"
		if s.baggage {
			advice = "keep it out of baggage, which is sent to every downstream service in a header"
			if src.identity {
				advice += "; set it as a span attribute instead"
			}
		}
		c.r.Reportf(src.check, value, "%s reaches %s in the clear; %s", subject, s, advice)
	}
}

// subjectOf names the reported value and where its personal data comes
// from: `u.Email (an email address)`, or `msg (built from u.Email, an
// email address)` when it was derived.
func subjectOf(text string, src *source) string {
	what := src.desc
	if src.check == checkStruct {
		what = "of type " + src.typ
	}
	if text == src.expr {
		return fmt.Sprintf("%s (%s)", text, what)
	}
	return fmt.Sprintf("%s (built from %s, %s)", text, src.expr, what)
}

func keyed(what, key string) string {
	if key == "" {
		return what
	}
	return fmt.Sprintf("%s %q", what, key)
}

// libMode is how a logging library renders a whole value.
func libMode(lib api.LogLibrary) exposeMode {
	switch lib {
	case api.LibSlog:
		return modeSlog
	case api.LibZap, api.LibOtelzap:
		return modeZap
	case api.LibZerolog:
		return modeJSON
	case api.LibLogrus:
		return modeLogrus
	}
	return modeFmt
}

// calleeText names the called function as written: log.Printf,
// logger.Info, tracer.Start.
func calleeText(call *ast.CallExpr) string {
	return shorten(types.ExprString(call.Fun), 40)
}
