package api

import (
	"go/ast"
	"go/types"
	"strings"
)

// LogLibrary names a logging library. zap's Logger and SugaredLogger are the
// same library; otelzap is its own (it wraps zap and adds trace context).
type LogLibrary string

const (
	LibFmt     LogLibrary = "fmt"
	LibLog     LogLibrary = "log"
	LibSlog    LogLibrary = "slog"
	LibZap     LogLibrary = "zap"
	LibLogrus  LogLibrary = "logrus"
	LibZerolog LogLibrary = "zerolog"
	LibOtelzap LogLibrary = "otelzap"
)

// Family returns the library a call of l belongs to for the purpose of
// "one logging library per package": otelzap wraps zap (its Logger embeds
// *zap.Logger and writes through it), so a package mixing zap and otelzap
// is consistent and both belong to the zap family. Every other library is
// its own family.
func (l LogLibrary) Family() LogLibrary {
	if l == LibOtelzap {
		return LibZap
	}
	return l
}

// LogLibraries lists every library, in the order messages name them.
var LogLibraries = []LogLibrary{LibSlog, LibZap, LibOtelzap, LibZerolog, LibLogrus, LibLog, LibFmt}

// Import paths of the logging libraries.
const (
	SlogPath       = "log/slog"
	ZapPath        = "go.uber.org/zap"
	LogrusPath     = "github.com/sirupsen/logrus"
	ZerologPath    = "github.com/rs/zerolog"
	ZerologLogPath = "github.com/rs/zerolog/log"
	OtelzapPath    = "github.com/uptrace/opentelemetry-go-extra/otelzap"
)

// LogImportPaths are the packages whose import marks a package as logging
// (fmt is left out: it is mostly used for formatting).
var LogImportPaths = []string{"log", SlogPath, ZapPath, LogrusPath, ZerologPath, OtelzapPath}

// LogCall describes a call that emits a log record.
type LogCall struct {
	Call    *ast.CallExpr
	Library LogLibrary
	Func    *types.Func
	// Method is the function or method name: "Info", "Infow", "Printf", "Msg".
	Method string
	// Msg is the index of the message or format argument, or -1 (zerolog's
	// Send, fmt.Print's operands).
	Msg int
	// Format is true when Msg is a printf-style format.
	Format bool
	// Fields is the index of the first structured field argument (zap
	// fields, slog attrs and key/value pairs, sugared key/value pairs), or -1.
	Fields int
	// KeyValues is true when Fields starts alternating key, value
	// arguments (slog's args, zap's ...w methods) rather than typed fields.
	KeyValues bool
	// HasContext is true when the record carries a context.Context (slog's
	// ...Context methods, otelzap's Ctx(ctx) loggers, zerolog's Ctx, logrus's
	// WithContext) — or when that cannot be seen from the call expression
	// alone (a logrus Entry or zerolog Event held in a variable).
	HasContext bool
	// ContextForm is how to write the same call with a context, for
	// messages and fixes ("InfoContext", "Ctx(ctx).Info", "WithContext(ctx).Info"),
	// or "" when the library has no context-aware form (zap, log, fmt).
	ContextForm string
	// Receiver is the logger expression of a method call, or nil.
	Receiver ast.Expr
}

// Args returns the call's operands from index i on, or nil.
func (c LogCall) Args(i int) []ast.Expr {
	if i < 0 || i >= len(c.Call.Args) {
		return nil
	}
	return c.Call.Args[i:]
}

// logSpec is the static part of a LogCall.
type logSpec struct {
	lib         LogLibrary
	msg         int
	format      bool
	fields      int
	kv          bool
	hasCtx      bool
	contextForm string
}

var logTable = map[string]logSpec{}

func addLog(names []string, s logSpec) {
	for _, n := range names {
		logTable[n] = s
	}
}

func withPrefix(prefix string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

func init() {
	// fmt: printing to stdout (Fprint* to stdout/stderr is checked per call).
	addLog(withPrefix("fmt.", "Print", "Println"), logSpec{lib: LibFmt, msg: -1, fields: -1})
	addLog(withPrefix("fmt.", "Printf"), logSpec{lib: LibFmt, msg: 0, format: true, fields: -1})
	addLog(withPrefix("fmt.", "Fprint", "Fprintln"), logSpec{lib: LibFmt, msg: -1, fields: -1})
	addLog(withPrefix("fmt.", "Fprintf"), logSpec{lib: LibFmt, msg: 1, format: true, fields: -1})

	// log: package functions and *log.Logger methods.
	for _, p := range []string{"log.", "(*log.Logger)."} {
		addLog(withPrefix(p, "Print", "Println", "Fatal", "Fatalln", "Panic", "Panicln"), logSpec{lib: LibLog, msg: -1, fields: -1})
		addLog(withPrefix(p, "Printf", "Fatalf", "Panicf"), logSpec{lib: LibLog, msg: 0, format: true, fields: -1})
		addLog([]string{p + "Output"}, logSpec{lib: LibLog, msg: 1, fields: -1})
	}

	// log/slog: package functions and *slog.Logger methods.
	for _, p := range []string{"log/slog.", "(*log/slog.Logger)."} {
		for _, lvl := range []string{"Debug", "Info", "Warn", "Error"} {
			addLog([]string{p + lvl}, logSpec{lib: LibSlog, msg: 0, fields: 1, kv: true, contextForm: lvl + "Context"})
			addLog([]string{p + lvl + "Context"}, logSpec{lib: LibSlog, msg: 1, fields: 2, kv: true, hasCtx: true})
		}
		addLog([]string{p + "Log"}, logSpec{lib: LibSlog, msg: 2, fields: 3, kv: true, hasCtx: true})
		addLog([]string{p + "LogAttrs"}, logSpec{lib: LibSlog, msg: 2, fields: 3, hasCtx: true})
	}

	// zap: *zap.Logger and *zap.SugaredLogger (otelzap embeds both; see LogCallOf).
	levels := []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}
	for _, lvl := range levels {
		addLog([]string{"(*go.uber.org/zap.Logger)." + lvl}, logSpec{lib: LibZap, msg: 0, fields: 1})
		addLog([]string{"(*go.uber.org/zap.SugaredLogger)." + lvl, "(*go.uber.org/zap.SugaredLogger)." + lvl + "ln"}, logSpec{lib: LibZap, msg: -1, fields: -1})
		addLog([]string{"(*go.uber.org/zap.SugaredLogger)." + lvl + "f"}, logSpec{lib: LibZap, msg: 0, format: true, fields: -1})
		addLog([]string{"(*go.uber.org/zap.SugaredLogger)." + lvl + "w"}, logSpec{lib: LibZap, msg: 0, fields: 1, kv: true})

		// otelzap's own context-carrying methods.
		o := "(*" + OtelzapPath + ".Logger)."
		addLog([]string{o + lvl + "Context"}, logSpec{lib: LibOtelzap, msg: 1, fields: 2, hasCtx: true})
		addLog([]string{"(" + OtelzapPath + ".LoggerWithCtx)." + lvl}, logSpec{lib: LibOtelzap, msg: 0, fields: 1, hasCtx: true})
		s := "(*" + OtelzapPath + ".SugaredLogger)."
		addLog([]string{s + lvl + "fContext"}, logSpec{lib: LibOtelzap, msg: 1, format: true, fields: -1, hasCtx: true})
		addLog([]string{s + lvl + "wContext"}, logSpec{lib: LibOtelzap, msg: 1, fields: 2, kv: true, hasCtx: true})
		sc := "(" + OtelzapPath + ".SugaredLoggerWithCtx)."
		addLog([]string{sc + lvl + "f"}, logSpec{lib: LibOtelzap, msg: 0, format: true, fields: -1, hasCtx: true})
		addLog([]string{sc + lvl + "w"}, logSpec{lib: LibOtelzap, msg: 0, fields: 1, kv: true, hasCtx: true})
	}
	addLog([]string{"(*go.uber.org/zap.Logger).Log"}, logSpec{lib: LibZap, msg: 1, fields: 2})
	su := "(*go.uber.org/zap.SugaredLogger)."
	addLog([]string{su + "Log", su + "Logln"}, logSpec{lib: LibZap, msg: -1, fields: -1})
	addLog([]string{su + "Logf"}, logSpec{lib: LibZap, msg: 1, format: true, fields: -1})
	addLog([]string{su + "Logw"}, logSpec{lib: LibZap, msg: 1, fields: 2, kv: true})

	// logrus: package functions, *Logger and *Entry methods.
	for _, p := range []string{LogrusPath + ".", "(*" + LogrusPath + ".Logger).", "(*" + LogrusPath + ".Entry)."} {
		for _, lvl := range []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic"} {
			form := "WithContext(ctx)." + lvl
			addLog([]string{p + lvl, p + lvl + "ln"}, logSpec{lib: LibLogrus, msg: -1, fields: -1, contextForm: form})
			addLog([]string{p + lvl + "f"}, logSpec{lib: LibLogrus, msg: 0, format: true, fields: -1, contextForm: form + "f"})
			if p != "(*"+LogrusPath+".Entry)." {
				// TraceFn, InfoFn, ...: package functions and *Logger only.
				addLog([]string{p + lvl + "Fn"}, logSpec{lib: LibLogrus, msg: -1, fields: -1})
			}
		}
		if !strings.HasPrefix(p, LogrusPath) {
			addLog([]string{p + "Log", p + "Logln"}, logSpec{lib: LibLogrus, msg: -1, fields: -1, contextForm: "WithContext(ctx).Log"})
			addLog([]string{p + "Logf"}, logSpec{lib: LibLogrus, msg: 1, format: true, fields: -1, contextForm: "WithContext(ctx).Logf"})
		}
	}

	// zerolog: a record is emitted by the Event's Msg, Msgf or Send; Print
	// helpers log at debug level.
	ev := "(*" + ZerologPath + ".Event)."
	addLog([]string{ev + "Msg"}, logSpec{lib: LibZerolog, msg: 0, fields: -1, contextForm: "Ctx(ctx)"})
	addLog([]string{ev + "Msgf"}, logSpec{lib: LibZerolog, msg: 0, format: true, fields: -1, contextForm: "Ctx(ctx)"})
	addLog([]string{ev + "Send", ev + "MsgFunc"}, logSpec{lib: LibZerolog, msg: -1, fields: -1, contextForm: "Ctx(ctx)"})
	addLog(withPrefix("(*"+ZerologPath+".Logger).", "Print", "Println"), logSpec{lib: LibZerolog, msg: -1, fields: -1})
	addLog(withPrefix("(*"+ZerologPath+".Logger).", "Printf"), logSpec{lib: LibZerolog, msg: 0, format: true, fields: -1})
	addLog(withPrefix(ZerologLogPath+".", "Print"), logSpec{lib: LibZerolog, msg: -1, fields: -1})
	addLog(withPrefix(ZerologLogPath+".", "Printf"), logSpec{lib: LibZerolog, msg: 0, format: true, fields: -1})
}

// LogCallOf reports whether call emits a log record, and describes it.
// fmt.Fprint* counts only when writing to os.Stdout or os.Stderr.
func LogCallOf(info *types.Info, call *ast.CallExpr) (LogCall, bool) {
	fn := Callee(info, call)
	if fn == nil {
		return LogCall{}, false
	}
	name := FullName(fn)
	spec, ok := logTable[name]
	if !ok {
		return LogCall{}, false
	}
	lc := LogCall{
		Call: call, Library: spec.lib, Func: fn, Method: fn.Name(),
		Msg: spec.msg, Format: spec.format, Fields: spec.fields, KeyValues: spec.kv,
		HasContext: spec.hasCtx, ContextForm: spec.contextForm,
		Receiver: Receiver(info, call),
	}
	switch spec.lib {
	case LibFmt:
		if strings.HasPrefix(fn.Name(), "Fprint") && !(len(call.Args) > 0 && IsStdStream(info, call.Args[0])) {
			return LogCall{}, false
		}
	case LibZap:
		// zap methods promoted through otelzap's Logger or SugaredLogger
		// (directly or through a struct embedding one) are otelzap calls
		// without a context.
		if wrapper := otelzapWrapperOf(info, call); wrapper != "" {
			lc.Library = LibOtelzap
			lc.ContextForm = otelzapContextForm(wrapper, fn.Name())
		}
	case LibLogrus:
		if IsPointerTo(TypeOf(info, lc.Receiver), LogrusPath, "Entry") {
			lc.HasContext = !chainBuiltHere(info, lc.Receiver) || chainCalls(info, lc.Receiver, func(f *types.Func) bool {
				return f.Name() == "WithContext" && f.Pkg() != nil && f.Pkg().Path() == LogrusPath
			})
		}
	case LibZerolog:
		if lc.Receiver != nil && IsPointerTo(TypeOf(info, lc.Receiver), ZerologPath, "Event") {
			lc.HasContext = !chainBuiltHere(info, lc.Receiver) || chainCalls(info, lc.Receiver, func(f *types.Func) bool {
				// Event.Ctx(ctx), Context.Ctx(ctx), zerolog.Ctx(ctx), log.Ctx(ctx)
				return f.Name() == "Ctx" && f.Pkg() != nil && (f.Pkg().Path() == ZerologPath || f.Pkg().Path() == ZerologLogPath)
			})
		}
	}
	if lc.HasContext {
		lc.ContextForm = ""
	}
	return lc, true
}

// otelzapWrapperOf returns "Logger" or "SugaredLogger" when call is a
// method promoted from *zap.Logger or *zap.SugaredLogger through an otelzap
// Logger or SugaredLogger on the selection's embedding path, or "".
func otelzapWrapperOf(info *types.Info, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return ""
	}
	t := s.Recv()
	idx := s.Index()
	for i := 0; i < len(idx)-1; i++ {
		if IsNamed(t, OtelzapPath, "Logger") {
			return "Logger"
		}
		if IsNamed(t, OtelzapPath, "SugaredLogger") {
			return "SugaredLogger"
		}
		st, ok := derefStruct(t)
		if !ok || idx[i] >= st.NumFields() {
			return ""
		}
		t = st.Field(idx[i]).Type()
	}
	return ""
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// otelzapContextForm is the context-carrying spelling of a zap method called
// through an otelzap wrapper: LoggerWithCtx has the level methods of
// *zap.Logger, SugaredLoggerWithCtx only the ...f and ...w ones.
func otelzapContextForm(wrapper, method string) string {
	for _, lvl := range []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"} {
		switch {
		case wrapper == "Logger" && method == lvl,
			wrapper == "SugaredLogger" && (method == lvl+"f" || method == lvl+"w"):
			return "Ctx(ctx)." + method
		}
	}
	return ""
}

// IsStdStream reports whether e denotes os.Stdout or os.Stderr.
func IsStdStream(info *types.Info, e ast.Expr) bool {
	v, ok := ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr") && v.Parent() == v.Pkg().Scope()
}

// chainCalls reports whether the method-call chain that builds e (for
// example log.Info().Str("k", v) or logrus.WithContext(ctx).WithField(...))
// contains a call of a function satisfying pred.
func chainCalls(info *types.Info, e ast.Expr, pred func(*types.Func) bool) bool {
	for e != nil {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		if fn := Callee(info, call); fn != nil && pred(fn) {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		e = sel.X
	}
	return false
}

// chainBuiltHere reports whether the logger expression e is built by a call
// chain rooted at a package-level function or a plain logger value, so that
// every step is visible in the expression (as opposed to an Entry or Event
// stored in a variable whose making we cannot see).
func chainBuiltHere(info *types.Info, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if _, isPkg := ObjectOf(info, sel.X).(*types.PkgName); isPkg {
				return true
			}
			e = sel.X
		default:
			// A variable or field: built here only if it is a logger, not
			// an Entry or Event that may already carry a context.
			t := TypeOf(info, x)
			return !IsPointerTo(t, LogrusPath, "Entry") && !IsPointerTo(t, ZerologPath, "Event")
		}
	}
}

// LoggerConstructors are the calls that build a new logger.
var loggerConstructors = map[string]LogLibrary{
	"log.New":                        LibLog,
	"log/slog.New":                   LibSlog,
	"go.uber.org/zap.New":            LibZap,
	"go.uber.org/zap.NewProduction":  LibZap,
	"go.uber.org/zap.NewDevelopment": LibZap,
	"go.uber.org/zap.NewExample":     LibZap,
	"go.uber.org/zap.NewNop":         LibZap,
	"(go.uber.org/zap.Config).Build": LibZap,
	LogrusPath + ".New":              LibLogrus,
	ZerologPath + ".New":             LibZerolog,
	OtelzapPath + ".New":             LibOtelzap,
}

// LoggerConstructorOf reports whether call builds a new logger, and of which
// library.
func LoggerConstructorOf(info *types.Info, call *ast.CallExpr) (LogLibrary, bool) {
	lib, ok := loggerConstructors[CalleeName(info, call)]
	return lib, ok
}

// LogField is a structured log field built by a constructor call:
// zap.String("k", v), slog.Any("k", v), logrus's WithField("k", v),
// zerolog's event.Str("k", v).
type LogField struct {
	Call    *ast.CallExpr
	Library LogLibrary
	Key     ast.Expr // the key argument
	Value   ast.Expr // the value argument, or nil (zap.Error's key is implicit)
}

// LogFieldOf reports whether call builds a structured log field, and returns
// its key and value expressions.
func LogFieldOf(info *types.Info, call *ast.CallExpr) (LogField, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return LogField{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return LogField{}, false
	}
	path := fn.Pkg().Path()
	kv := func(lib LogLibrary) (LogField, bool) {
		if len(call.Args) < 2 || sig.Params().Len() < 2 || !isStringType(sig.Params().At(0).Type()) {
			return LogField{}, false
		}
		return LogField{Call: call, Library: lib, Key: call.Args[0], Value: call.Args[1]}, true
	}
	switch {
	case path == ZapPath && sig.Recv() == nil && sig.Results().Len() == 1 && IsNamed(sig.Results().At(0).Type(), "go.uber.org/zap/zapcore", "Field"):
		if fn.Name() == "Error" && len(call.Args) == 1 {
			return LogField{Call: call, Library: LibZap, Value: call.Args[0]}, true
		}
		return kv(LibZap)
	case path == SlogPath && sig.Recv() == nil && sig.Results().Len() == 1 && IsNamed(sig.Results().At(0).Type(), SlogPath, "Attr"):
		return kv(LibSlog)
	case path == LogrusPath && fn.Name() == "WithField":
		return kv(LibLogrus)
	case path == ZerologPath && sig.Recv() != nil && IsPointerTo(sig.Recv().Type(), ZerologPath, "Event") && sig.Results().Len() == 1:
		return kv(LibZerolog)
	}
	return LogField{}, false
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// SpanContextIDOf reports whether call reads a trace or span id from a span
// context: (go.opentelemetry.io/otel/trace.SpanContext).TraceID or .SpanID
// (whatever the span context came from). It returns "TraceID" or "SpanID".
func SpanContextIDOf(info *types.Info, call *ast.CallExpr) (string, bool) {
	switch name := CalleeName(info, call); name {
	case "(" + TracePath + ".SpanContext).TraceID":
		return "TraceID", true
	case "(" + TracePath + ".SpanContext).SpanID":
		return "SpanID", true
	}
	return "", false
}

// logAdapters are the calls that route one logging library into another:
// their presence marks a file as an adapter between libraries.
var logAdapters = map[string]bool{
	ZapPath + ".NewStdLog":                     true,
	ZapPath + ".NewStdLogAt":                   true,
	ZapPath + ".RedirectStdLog":                true,
	ZapPath + ".RedirectStdLogAt":              true,
	SlogPath + ".NewLogLogger":                 true,
	"(*" + LogrusPath + ".Logger).Writer":      true,
	"(*" + LogrusPath + ".Logger).WriterLevel": true,
	"(*" + LogrusPath + ".Entry).Writer":       true,
	"(*" + LogrusPath + ".Entry).WriterLevel":  true,
}

// IsLogAdapter reports whether call routes one logging library into
// another: zap.NewStdLog / RedirectStdLog (std log → zap), slog.NewLogLogger
// (slog → std log), logrus's Writer (std log → logrus).
func IsLogAdapter(info *types.Info, call *ast.CallExpr) bool {
	return logAdapters[CalleeName(info, call)]
}

// LogBackend is an interface through which a logging library hands records
// to a back end: implementing one with another library's logger is how
// adapters between libraries are written.
type LogBackend struct {
	Library LogLibrary
	Name    string // "slog.Handler", "zapcore.Core", "logrus.Hook", ...
	Iface   *types.Interface
}

// logBackendIfaces lists the back-end interfaces by package path and name.
var logBackendIfaces = []struct {
	lib        LogLibrary
	path, name string
	short      string
}{
	{LibSlog, SlogPath, "Handler", "slog.Handler"},
	{LibZap, ZapPath + "/zapcore", "Core", "zapcore.Core"},
	{LibLogrus, LogrusPath, "Hook", "logrus.Hook"},
	{LibLogrus, LogrusPath, "Formatter", "logrus.Formatter"},
	{LibZerolog, ZerologPath, "Hook", "zerolog.Hook"},
}

// LogBackends returns the logging back-end interfaces (slog.Handler,
// zapcore.Core, logrus.Hook and Formatter, zerolog.Hook) visible from pkg
// through its imports. Compute it once per package.
func LogBackends(pkg *types.Package) []LogBackend {
	var out []LogBackend
	for _, b := range logBackendIfaces {
		p := findPackage(pkg, b.path)
		if p == nil {
			continue
		}
		if iface := lookupInterface(p, b.name); iface != nil {
			out = append(out, LogBackend{Library: b.lib, Name: b.short, Iface: iface})
		}
	}
	return out
}

// LogBackendOf returns the back end among backends that t or *t
// implements.
func LogBackendOf(backends []LogBackend, t types.Type) (LogBackend, bool) {
	if t == nil {
		return LogBackend{}, false
	}
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return LogBackend{}, false
	}
	for _, b := range backends {
		if types.Implements(t, b.Iface) || types.Implements(types.NewPointer(t), b.Iface) {
			return b, true
		}
	}
	return LogBackend{}, false
}

// IsLogFieldValue reports whether t is a typed structured field (slog.Attr,
// zapcore.Field), which counts as one argument among key/value pairs.
func IsLogFieldValue(t types.Type) bool {
	return IsNamed(t, SlogPath, "Attr") || IsNamed(t, ZapPath+"/zapcore", "Field")
}

// loggerTypes are the logger values of each library.
var loggerTypes = []struct {
	lib        LogLibrary
	path, name string
}{
	{LibLog, "log", "Logger"},
	{LibSlog, SlogPath, "Logger"},
	{LibZap, ZapPath, "Logger"},
	{LibZap, ZapPath, "SugaredLogger"},
	{LibOtelzap, OtelzapPath, "Logger"},
	{LibOtelzap, OtelzapPath, "SugaredLogger"},
	{LibLogrus, LogrusPath, "Logger"},
	{LibLogrus, LogrusPath, "Entry"},
	{LibZerolog, ZerologPath, "Logger"},
}

// LoggerTypeOf reports whether t is a logger of one of the libraries
// (*log.Logger, *slog.Logger, *zap.Logger, *zap.SugaredLogger, otelzap's
// loggers, *logrus.Logger or *logrus.Entry, zerolog.Logger or a pointer to
// one), and of which library.
func LoggerTypeOf(t types.Type) (LogLibrary, bool) {
	for _, lt := range loggerTypes {
		if IsNamed(t, lt.path, lt.name) {
			return lt.lib, true
		}
	}
	return "", false
}

// levelMethods are the methods a logging interface has for its levels.
var levelMethods = map[string]bool{
	"Debug": true, "Info": true, "Warn": true, "Warning": true, "Error": true,
	"Debugf": true, "Infof": true, "Warnf": true, "Warningf": true, "Errorf": true,
}

// IsLevelName reports whether name is a log level's function or method
// (Info, Errorf, Warn, Debugw): a logging call of a library the tables do
// not know, when it has a context-taking twin (InfoContext).
func IsLevelName(name string) bool {
	if levelMethods[name] {
		return true
	}
	base, ok := strings.CutSuffix(name, "w")
	return ok && levelMethods[base]
}

// extraLevels are the levels some loggers add to Debug, Info, Warn and
// Error: slog wrappers' Trace, Notice and Emergency (syslog's set),
// zerolog's and logrus's Trace, Fatal and Panic.
var extraLevels = map[string]bool{
	"Trace": true, "Notice": true, "Critical": true, "Alert": true, "Emergency": true, "Fatal": true, "Panic": true,
}

// IsLevelMethod reports whether fn is a log level's function or method:
// one IsLevelName accepts, or a method named for another level (Trace,
// Notice, Emergency, also with f or w) of a type whose methods include the
// standard levels — a logger, so Trace there is a level, not a tracer.
func IsLevelMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	name := fn.Name()
	if IsLevelName(name) {
		return true
	}
	if !extraLevels[strings.TrimSuffix(strings.TrimSuffix(name, "f"), "w")] {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return hasLevelMethods(sig.Recv().Type())
}

// hasLevelMethods reports whether t's method set (or its pointer's)
// includes two or more of the standard level methods.
func hasLevelMethods(t types.Type) bool {
	t = types.Unalias(t)
	if _, ok := t.(*types.Pointer); !ok && !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	n := 0
	for i := 0; i < ms.Len(); i++ {
		if levelMethods[ms.At(i).Obj().Name()] {
			n++
		}
	}
	return n >= 2
}

// IsLoggerInterface reports whether t is an interface of the program's own
// for logging: its methods include two or more of the level methods
// (Debug, Info, Warn, Error, and their ...f forms). A program that keeps
// such a logger in its contexts has no other to log with when one is
// missing.
func IsLoggerInterface(t types.Type) bool {
	return t != nil && types.IsInterface(t) && hasLevelMethods(t)
}

// LoggerOrWrapperOf is LoggerTypeOf, also accepting a struct (or a pointer
// to one) that embeds such a logger or holds nothing else: a request's log
// entry type built on a *logrus.Entry or a *zap.Logger is a logger too. A
// struct holding a logger among other things (a service with its logger)
// is not.
func LoggerOrWrapperOf(t types.Type) (LogLibrary, bool) {
	if lib, ok := LoggerTypeOf(t); ok {
		return lib, true
	}
	if t == nil {
		return "", false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() || st.NumFields() == 1 {
			if lib, ok := LoggerTypeOf(f.Type()); ok {
				return lib, true
			}
		}
	}
	return "", false
}
