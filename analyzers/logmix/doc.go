// Package logmix defines an analyzer that keeps a service on one logging
// library and its logs joined to its traces.
//
// # Analyzer logmix
//
// logmix: report mixed logging libraries, context-less log calls, trace ids copied into log fields by hand, loggers built on hot paths, and loggers hard-wired to debug level
//
// The observability guide's loop runs alert → trace → logs: from a slow
// trace you open the logs of the same request. That breaks when a service
// prints with fmt, log and zap at once (three formats, some lines never
// reach the pipeline) and when log records do not carry the trace id and
// span id of the request, or carry them copied by hand, which is easy to
// get wrong and misses the records that forget it (checklist 7.3: "mixing
// logging libraries", "logs not automatically correlated with traces",
// "frequently constructing new Logger in hot paths").
//
// The libraries known, matched by type identity (an import alias or a
// struct embedding the logger changes nothing): fmt printing to standard
// output or standard error (Print*, Fprint* to os.Stdout or os.Stderr), the
// standard log package (functions and *log.Logger), log/slog (functions and
// *slog.Logger), zap (*zap.Logger and *zap.SugaredLogger are one library),
// otelzap (github.com/uptrace/opentelemetry-go-extra/otelzap), logrus
// (functions, *Logger, *Entry) and zerolog (events ended by Msg, Msgf,
// MsgFunc or Send, and the Print helpers).
//
// Bad:
//
//	func (h *Handler) Pay(w http.ResponseWriter, r *http.Request) {
//		logger, _ := zap.NewProduction()                  // a new logger per request
//		log.Printf("paying %s", r.FormValue("order"))     // std log in a zap service
//		sc := trace.SpanFromContext(r.Context()).SpanContext()
//		logger.Info("paid", zap.String("trace_id", sc.TraceID().String())) // by hand
//	}
//
// Good:
//
//	func (h *Handler) Pay(w http.ResponseWriter, r *http.Request) {
//		log := h.logger.Ctx(r.Context()) // otelzap, built once; adds trace_id and span_id
//		log.Info("paying", zap.String("order", r.FormValue("order")))
//	}
//
// # Checks
//
// mixed-libraries: when a package's log calls use more than one library,
// each call of a library other than the chosen one is reported, for
// example "package uses zap for logging (12 calls); this log.Printf call
// uses log: use zap". The chosen library is -logmix.logger when set (then
// every call of another library is reported, even in a package that uses
// only that other library: it is the team's standard), otherwise the most
// used library of the package; a tie is broken in the order slog, zap,
// zerolog, logrus, log, and the message says so, but only calls of log
// (and fmt) are reported then: between structured libraries used as much
// as each other nothing says which one the package logs with (a parser
// logging through the zap logger its caller passes, a writer with slog).
// The standard log package
// is never chosen over a structured library that it outnumbers (a package
// half-way from log.Printf to slog is told to finish the move, not to go
// back): it has no fields and no context. zap and otelzap are one
// family: otelzap wraps zap (its Logger embeds *zap.Logger and writes
// through it), so a package mixing them is consistent; when otelzap is
// used, the advice is "use otelzap". fmt is never chosen: fmt printing is
// reported in a package that also logs with a structured library (slog,
// zap, otelzap, logrus, zerolog); next to the standard log package alone
// only outside main packages, when fmt calls do not outnumber log calls,
// and when the call has text of its own (a command-line tool printing its
// results with fmt.Println(value) or fmt.Print(string(out)) and failing
// with log.Fatal follows the standard library's split of stdout and
// stderr, and a package whose stdout is its product is not logging with
// fmt).
//
// What a program prints for a person or a CI runner is its output, not
// logging; not counted and not reported: fmt.Sprintf, fmt.Errorf and
// fmt.Fprint* to other writers (buffers, files, an http.ResponseWriter);
// fmt inside a function assigned to flag.Usage (help text); fmt in the
// code of a command-line command — a function given a framework's
// command or parse context (cobra's Run(cmd *cobra.Command, args
// []string), kingpin's Action(*kingpin.ParseContext), urfave/cli's
// Action(*cli.Context)), a function literal in one, a function of the
// package handed to an adapter that returns such a function
// (cmd.RunE = wrap(cmdVersion), cmdVersion being the program's own kind of
// subcommand) or of the signature of the function type such an adapter
// takes (Command{Func: cmdVersion}, wrapped later), and an unexported
// function that only such code calls; fmt in a function that also prints
// through a terminal package (fatih/color, gookit/color, aurora,
// colorstring, tablewriter, go-pretty tables,
// text/tabwriter); fmt in a function that reads what the person types
// (fmt.Scan, term.ReadPassword, a reader on os.Stdin): its prints are
// prompts; fmt in a function writing GitHub Actions workflow
// commands (fmt.Println("::group::" + name)); fmt in a function that lays
// out a screen — it prints a blank line (fmt.Println()) or a constant with
// no letter or digit (a rule "-----", a progress mark "*" or "."), which no
// log record carries: a start-up banner of links and versions, a retry
// loop's progress line; fmt and log in a function
// that builds the command line (it returns a *cobra.Command: there is no
// logger yet) and in the error branch of running the command tree (if
// err := root.Execute(); err != nil { fmt.Fprintln(os.Stderr, err) });
// the fallback in the error branch right after a logger constructor or a
// call returning a logger (log.Fatalf("can't initialize zap logger: %v",
// err)); fmt and log in the branch that runs when a logger is nil (the
// else of if entry := LogEntry(r); entry != nil, the logger being one of
// the libraries', a type of the program that embeds one or holds nothing
// else, or the program's own logging interface, with two or more level
// methods such as Info and Error: there is no logger to use); fmt and log in an unexported helper
// whose every call is in a function returning a structured logger and that
// holds no logger itself (levelFromEnv warning about a bad LOG_LEVEL while
// New builds the logger it configures); fmt and log in a package's init
// function, which runs before main
// has built any logger; fmt and log in a func main (or a command
// package's func Main(), with no parameters or results, which a main
// delegates to) that neither builds, holds nor calls a
// structured logger (it reports the exit of run(), whose logger is gone),
// and in func main before it builds its structured logger (printing the
// -version, rejecting a flag: there is no logger yet); adapter files (see
// below). log in a command's body is still counted: it is logging. But a
// main package that serves nothing (see debug-level) is not reported at
// all, nor is a package of a program's cmd tree (module/cmd/<tool>/...)
// that serves nothing (a server on http.DefaultServeMux at a loopback
// address, such as a login command's callback for the user's own browser
// — srv := &http.Server{Addr: "localhost:" + port}; srv.ListenAndServe() —
// serves the person at the machine) and imports no tracing package (see ctxprop's
// command-line tools): a command-line tool, a load generator or a one-shot
// job writes to the terminal of the person running it, not into a
// production log pipeline that must parse one format.
//
// An adapter file routes one library into another and legitimately uses
// both: a file importing two logging libraries that declares a logging back
// end (a type implementing slog.Handler, zapcore.Core, logrus.Hook,
// logrus.Formatter or zerolog.Hook, such as an slog handler writing to zap)
// or calls an adapter (zap.RedirectStdLog, zap.NewStdLog, slog.NewLogLogger,
// a logrus Logger's Writer). Packages listed in -logmix.bridges are adapters
// as a whole. Their calls are neither counted nor reported by any check.
//
// missing-context: a log call without a context where the context at hand
// carries a trace (a context.Context parameter or local, including one
// captured by a closure, or an *http.Request's r.Context()), when the library has a
// context-aware form through which a handler or hook can add the trace:
// slog's Debug, Info, Warn and Error (functions and *slog.Logger methods) →
// DebugContext(ctx, ...) and so on; otelzap's logger.Info → logger.Ctx(ctx).Info
// (and the sugared ...f and ...w methods; the sugared Info has no
// context-aware twin); logrus → WithContext(ctx) before the level method;
// zerolog events → .Ctx(ctx) before Msg or Send. Each finding has a
// suggested fix that passes the context. By default (-logmix.spans-only) a
// context counts only with evidence that it carries a trace: the package
// put a span into it (tracer.Start or a wrapper returning a span,
// trace.ContextWithSpan, a propagator's Extract), directly or in the
// callers of an unexported helper that all hand it such a context, or it
// is an *http.Request's. A span the function puts into the variable only
// after the log call (ctx, span := tracer.Start(ctx, ...) further down) is
// not there yet, unless a loop holds both or the call is in a closure,
// which runs later (a deferred func). On real code, a context merely in scope is often a
// component's lifetime or a configuration build's, with no trace to join;
// -logmix.spans-only=false reports those too. In both modes, not reported: zap without otelzap
// and the standard log package (they have no context API); slog's Log and
// LogAttrs (their context is explicit); an Entry or Event held in a variable
// (it may carry a context); a context that carries no span: a local whose
// every assignment is context.Background(), context.TODO(), a copy of such
// a local or a derivation of one with context.WithCancel, WithTimeout,
// WithDeadline, WithoutCancel or signal.NotifyContext — also when it is
// re-derived in place (ctx, stop := signal.NotifyContext(ctx, ...) in
// main, ctx, cancel = context.WithTimeout(ctx, d)) — and the context
// parameter of a function that only the package can call (an unexported
// one, or any plain function of a main package, which nothing imports)
// when every call in the package gives it such a context (a helper of main
// or of a command), and an
// unexported context field of a struct of the package that every
// assignment in the package fills with such a context (a subscriber's
// lifetime context made in its constructor, and the contexts derived from
// it in its loops); a function also
// used as a value, or a method an interface of the package may dispatch
// to, has callers the package cannot see and is judged as a parameter (a
// call from the package's tests is not such a caller);
// a call in a goroutine the function leaves running (go func() {...}(),
// a local function literal only ever started with go, or a literal handed
// to time.AfterFunc, a gocron task or a cron job, with no Wait in the
// function and no send back) that does its work with a context captured
// from outside, or in a helper of the package only ever given such a
// context: the work outlives the call, so callers hand in a
// root or a component's lifetime context, not a request's, whose end would
// cancel it half done — unless the package derived that context from a
// span (tracer.Start, trace.ContextWithSpan, a propagator's Extract) or the
// goroutine only uses it through context.WithoutCancel, which keeps a
// request's trace on purpose; a call in the work of an item a consumer
// loop receives from a subscription (for a := range actions, or case a :=
// <-actions: in an endless for, over a channel a call returned), when the
// context at hand is the loop's own and not derived from a span, outside a
// function serving one request or stream (below): each item is a unit of
// work of its own (the same model as ctxprop's); a call whose
// context is a parameter its function blocks on until it ends — a statement
// <-ctx.Done(), or a case <-ctx.Done() in a select of an endless for, in the
// function itself — and not derived from a span: the function runs for the
// context's lifetime (an engine's Run, a poller), and so do the package's
// helpers it hands that context to (judged as above) and the functions of
// the package that hand their context parameter to it in their own body,
// not on a goroutine, and so wait for it (Serve calling Run(ctx)). A single select
// waiting for a reply or the cancellation is a request's wait, and a
// function that also takes the request or stream it serves (an
// *http.Request, a connect request or stream, a gRPC stream) is a streaming
// handler looping until its request ends: both are reported; the context
// parameter of a resource detector's Detect method (the signature of
// resource.Detector), which the SDK calls while it builds the resource,
// before any span exists; the context parameter of an application's start
// or stop hook (a function literal given to fx.StartHook, StopHook or
// StartStopHook, or set as an fx.Hook's OnStart or OnStop), in the hook and
// in the goroutines it starts, unless the hook starts a span on it: the
// framework runs it once, with a context bounding the start or the stop; a
// call in a function that starts serving (a server's Serve or
// ListenAndServe): the server's start and exit;
// a zerolog event of a logger the function took from a context — an
// event chain holding a call given a context (not context.Background()
// or TODO(), which hold no logger), or a local assigned only
// such chains (zerolog.Ctx(ctx), log.Ctx(r.Context()).With()...Logger(),
// the program's GetLogger(ctx, name), directly: GetLogger(r.Context(),
// name).Debug().Msg(...)): a zerolog logger hands the context bound to it (With().Ctx) to
// its events, and one kept in the request's context may be bound there by
// a middleware of another package;
// logrus and zerolog calls when no hook is in reach — neither the package
// nor any package it imports, directly or not, declares a type
// implementing logrus.Hook or zerolog.Hook, or imports an otellogrus or
// otelzerolog bridge — since those libraries attach a trace only through a
// hook that reads the record's context, and without one WithContext(ctx)
// or .Ctx(ctx) adds nothing (a hook on a logger built in a package this one
// does not import is out of sight: known limit). For a call outside
// _test.go files only the package's other non-test files and their
// imports count: a hook a test installs to capture entries never runs in
// the program; calls already reported as
// mixed-libraries.
//
// manual-trace-id: a log field, attribute or key/value pair whose value
// comes from a span context's TraceID() or SpanID() (directly, through
// String(), formatting, or a local variable holding one): zap.String and
// the other zap field constructors, slog.String/Any and slog key/value
// pairs, sugared ...w pairs and With, logrus WithField and logrus.Fields,
// zerolog Str and friends on events and on With() contexts; also a trace id
// formatted into the message. The advice names the trace-aware logger for
// the library: otelzap or the go.opentelemetry.io/contrib/bridges/otelzap
// core, an slog handler bridge such as otelslog, the otellogrus and
// otelzerolog hooks. Only copies in a function that emits log records
// itself (a log call in its body, or in a function literal nested in it)
// are reported: those are the scattered per-call copies that drift and get
// forgotten. A function that adds the trace id without logging — a
// logger factory's For(ctx) returning logger.With(trace_id), a request
// interceptor building the fields of every request, a handler wrapper
// adding attributes to every record — is the one central place, the
// trace-aware logger written by hand; so is a logger given the ids by
// With once and stored in the context every call below logs with
// (logger = logger.With(zap.String("traceID", ...)); ctx =
// withLogger(ctx, logger)). Only a value that can hold a copy of the id
// (a string, bytes, the id types, an empty interface) carries it on: a
// log call given that logger, the context or an error from a call given
// the context copies nothing. Methods of a logging back end (an
// slog.Handler's Handle adding trace_id from the record's context) are
// not reported either.
//
// hot-path-logger: a logger constructor (zap.New, NewProduction,
// NewDevelopment, NewExample, zap.Config.Build, slog.New, logrus.New,
// log.New, zerolog.New, otelzap.New) called on every request, in an HTTP
// handler (a function or function literal with an http.ResponseWriter or
// *http.Request parameter), or on every iteration of a loop; build the
// logger once and derive per-request loggers with logger.With(...). A
// function literal called on the spot (also with go and defer) belongs to
// its enclosing function; other literals, such as a sync.Once callback or
// a handler returned by a factory, run when they are called and end the
// search. Not reported: zap.NewNop; log.New and zerolog.New writing to a
// request-local writer (a buffer, a connection, the ResponseWriter);
// slog.New over a handler built elsewhere (as cheap as With) or over a
// handler writing to a request-local writer; loops in main and init; a
// loop storing one logger per element (into a map, slice, field or
// composite literal) to build a set of loggers.
//
// debug-level: the program's logger hard-wired to the debug or trace level
// (checklist 7.3: "debug level logging enabled in production, causing log
// explosion"): every debug message of every request is shipped, stored and
// paid for, and nobody can turn it down without a rebuild. Reported:
// zap.NewDevelopment() (its options may only be zap options built on the
// spot, the function may not raise the level with zap.IncreaseLevel or
// zap.WrapCore, and the variable it is assigned to is not assigned again,
// as in if env == "prod" { logger, _ = zap.NewProduction() }),
// zap.NewDevelopmentConfig() built on directly or held in a local variable
// whose Level is never set and that goes nowhere else,
// zap.NewAtomicLevelAt(zap.DebugLevel) stored straight into a config's
// Level (an AtomicLevel held in a variable, served over HTTP or returned
// can be changed at run time, like a slog.LevelVar), slog.HandlerOptions{Level:
// slog.LevelDebug}, slog.SetLogLoggerLevel(slog.LevelDebug),
// logrus.SetLevel(logrus.DebugLevel) (also TraceLevel, also on a
// *logrus.Logger), zerolog.SetGlobalLevel(zerolog.DebugLevel) (also
// TraceLevel) and a zerolog Logger's Level(zerolog.DebugLevel). Only the
// libraries' named debug and trace constants count: a level from a flag,
// the environment or a configuration value is a variable, and a number
// converted to a level (zapcore.Level(-8)) is a deliberate choice. A
// setter called again in the same function (logrus.SetLevel(DebugLevel),
// then logrus.SetLevel(parsed)) sets a default the configuration replaces.
// Not reported: a level chosen in a branch (the body or else of an if, a case
// of a switch or select: if cfg.Debug {...}, switch level { case
// "debug": ... }); a function whose every call outside tests is in such a
// branch, and an unexported function only tests call; a slog.LevelVar
// (the program sets it later); _test.go files, functions given a
// *testing.T, B or TB, and test-support packages (a non-test file imports
// testing); a main package that serves nothing (no http.ListenAndServe,
// (*http.Server).Serve, (*grpc.Server).Serve, gin, echo or fiber start in
// the package, other than a debug server for pprof: a nil handler on a
// constant loopback address such as "localhost:6060", also as an
// http.Server with no Handler whose Addr starts with one): a command-line tool
// or a load generator prints debug output for the person running it, not
// into a production log pipeline.
//
//	Bad:  logger, _ := zap.NewDevelopment()
//	Good: cfg := zap.NewProductionConfig()
//	      cfg.Level, err = zap.ParseAtomicLevel(os.Getenv("LOG_LEVEL"))
//
// _test.go files, hand-written test doubles and test helpers named by
// convention (mock.go, mocks.go, fake.go, mock_*.go, *_mock.go, fake_*.go,
// *_fake.go, testing.go, testutil.go, testhelpers.go, test_*.go),
// and test-support packages (a package importing testing or a test
// framework under a path segment such as testutil, testenv, testing, e2e
// or integration: a harness reports to the test run) are skipped unless
// -logmix.tests is set; generated files and the packages
// of the logging libraries themselves are always skipped.
//
// # Flags
//
//	-logmix.logger string     the service's logging library: slog, zap,
//	                          otelzap, zerolog, logrus or log (default: the
//	                          most used library of each package)
//	-logmix.context bool      report context-less log calls (the
//	                          missing-context check) (default true)
//	-logmix.spans-only bool   report missing-context only where the context
//	                          at hand carries a span the package started
//	                          (tracer.Start, or a helper only given such a
//	                          context) or is an HTTP request's: each finding
//	                          has a trace to lose (default true; false
//	                          reports wherever a context is in scope, bar
//	                          the roots and lifetimes described above: more
//	                          findings, and more of them with no trace in
//	                          the context)
//	-logmix.tests bool        also check _test.go files (default false)
//	-logmix.bridges list      comma-separated import paths of adapter
//	                          packages; "path/..." includes the packages below
//	-logmix.checks list       checks to run: mixed-libraries, missing-context,
//	                          manual-trace-id, hot-path-logger, debug-level;
//	                          "all"; "all,-name" (default all)
//
// Silence one finding with //otellint:ignore logmix <reason> (or
// logmix/<check>) on the line or the line above.
package logmix
