// Package ctxprop defines an Analyzer that checks that the context flows:
// no fresh root context, and no call that cannot take one, where a context
// is at hand.
//
// # Analyzer ctxprop
//
// ctxprop: report context.Background()/TODO() and context-less calls where a context is reachable
//
// A trace breaks wherever code starts over from context.Background() or
// context.TODO(), or calls an API that cannot take a context, while a request
// context is at hand: the downstream spans become orphan roots, outbound
// requests carry no traceparent, and logs lose their trace_id. The
// observability guide's checklist names it among trace pitfalls: "forgetting
// to pass context across goroutines (breaking trace links)"; goroutines,
// http.NewRequest, db.Query and ticker loops are where it happens.
//
// A context is reachable at a call when one of these is visible there (not
// shadowed, declared before the call), searched from the innermost scope
// outwards, so that a handler literal's request wins over the context of the
// function that registers it:
//
//   - a context.Context parameter or local variable, also one captured from an
//     enclosing function by a closure or goroutine, or a value of a type
//     parameter constrained by context.Context (a local declared without a
//     value, var ctx context.Context, counts only after an assignment to it:
//     before, it is nil);
//   - a *http.Request parameter: r.Context();
//   - a parameter of a type configured with -ctxprop.context-types (a web
//     framework's request context): the parameter itself when its type is a
//     context.Context, c.Context() (or another method returning one, or
//     c.Request().Context()) otherwise.
//
// Every message names that context and says where it comes from:
// "ctx (parameter of PlaceOrder)", "r.Context() (request of ServeHTTP)",
// "ctx (local variable of Run)".
//
// Bad:
//
//	func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
//		_, span := tracer.Start(context.Background(), "PlaceOrder") // orphan root span
//		defer span.End()
//		go s.notify(context.Background(), o)                     // the e-mail is traced nowhere
//		_, err := s.db.Exec("INSERT INTO orders VALUES ($1)", o.ID) // the query span is lost
//		return err
//	}
//
// Good:
//
//	func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
//		ctx, span := tracer.Start(ctx, "PlaceOrder")
//		defer span.End()
//		go s.notify(context.WithoutCancel(ctx), o) // keeps the trace, outlives the request
//		_, err := s.db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", o.ID)
//		return err
//	}
//
// # Checks
//
// Each check is a diagnostic category "ctxprop/<check>" and can be switched
// off with -ctxprop.checks.
//
// background: context.Background() or context.TODO() where a context is
// reachable, in a function or in a closure inside it. A call of a
// same-package wrapper — a function taking nothing and returning a
// context.Context whose every return is context.Background() or
// context.TODO() — counts as one. The suggested fix replaces the call with
// the reachable context. When the fresh root is the parent of its own
// deadline or cancellation (context.WithTimeout(context.Background(), d)),
// which may be deliberate — work that must finish even if the caller gives
// up — the message also offers context.WithoutCancel(ctx), which keeps the
// trace. (The loop and goroutine checks below see the same calls.)
//
// loop: context.Background() or context.TODO() in the body of a for or range
// loop (a ticker loop, a batch) while a context declared outside the loop is
// reachable: every iteration starts a new root, cut off from the root's
// cancellation and trace. The message says to derive from the root
// (context.WithTimeout(ctx, d) instead of context.WithTimeout(context.Background(), d));
// the fix replaces the call with the root. A root that is itself empty (a
// local holding context.Background(), a test's t.Context()) has no trace to
// lose: not reported, as for every check.
//
// goroutine: go f(context.Background(), ...) where a context is reachable,
// and context.Background() inside a goroutine's function literal (go
// func() { ... }(), time.AfterFunc) that captures the context from outside.
// The goroutine usually outlives the request, so the fix passes
// context.WithoutCancel(ctx) (Go 1.21): the trace and values stay, the
// cancellation goes. The message also offers ctx itself for work that should
// stop with the caller.
//
// ctxless: a call of a context-less API that has a context-taking variant,
// from this table (or -ctxprop.pairs), with a fix where the rewrite is one
// call edit:
//
//   - http.NewRequest → http.NewRequestWithContext(ctx, ...);
//   - http.Get, Head, Post, PostForm and the same methods of *http.Client:
//     message only (build the request with NewRequestWithContext and send
//     it with Do);
//   - database/sql: Query, QueryRow, Exec, Prepare, Ping of *sql.DB, the
//     same and Stmt of *sql.Tx, Query, QueryRow, Exec of *sql.Stmt →
//     the ...Context method; (*sql.DB).Begin → BeginTx(ctx, nil) (*sql.Conn
//     has only context-taking methods);
//   - exec.Command → exec.CommandContext(ctx, ...);
//   - net.Dial → (&net.Dialer{}).DialContext(ctx, ...), (*net.Dialer).Dial →
//     DialContext, net.LookupHost, LookupAddr, LookupCNAME, LookupMX,
//     LookupNS, LookupTXT, LookupSRV, LookupPort →
//     net.DefaultResolver.LookupX(ctx, ...); net.DialTimeout and tls.Dial:
//     message only; (*tls.Conn).Handshake → HandshakeContext,
//     (*tls.Dialer).Dial → DialContext.
//
// Inside a goroutine's function literal the context passed is
// context.WithoutCancel(ctx), as for the goroutine check.
//
// convention: a call of F (a function, or a method through a value) where
// the types prove a twin FContext: a function of the same package, or a
// method of the same receiver (interfaces and promoted methods included),
// that the caller can access, whose parameters are a context.Context
// followed by exactly F's parameters (variadic alike) and whose results are
// exactly F's. Generic functions and methods are compared instantiated. This
// covers many third-party clients (Get/GetContext, Push/PushContext); a twin
// that differs in any way is not reported. The fix renames the call and
// passes the context first. A call inside the twin's own body is not
// reported (the rewrite would recurse), nor a twin known to do something
// else: go-oidc's Provider.VerifierContext builds a verifier with a fresh
// key set instead of the provider's cached one, so calling it per request
// would fetch the keys every time. Nor is grpc.Dial without grpc.WithBlock
// (or WithReturnConnectionError): a non-blocking dial returns at once, and
// DialContext's context governs only the blocking wait.
//
// Matching is by go/types identity (package path and name, method of a named
// type or interface), never by spelling: an aliased import is the same API.
//
// # What is not reported
//
// A finding needs evidence that a trace is at hand and the context that
// carries it is still live. Where either is missing, or where the fresh
// root is a boundary its author drew on purpose, ctxprop stays quiet —
// and no fix it offers could undo a deliberate choice.
//
// Where contexts start:
//
//   - main and init, and the top-level Test, Benchmark, Fuzz and Example
//     functions (and TestMain) of _test.go files;
//   - a context accessor — a method taking nothing and returning a
//     context.Context, such as (*http.Request).Context or a framework's
//     UserContext — falling back on context.Background(): its receiver is
//     not the context at hand inside it (other methods of a configured
//     carrier type do have their receiver's context at hand);
//   - functions with no context reachable; a blank (_) context parameter;
//     a function literal whose own context.Context parameter is unnamed or
//     blank (a dialer's, a worker pool's callback): its author set that
//     context aside, and the enclosing function's context is not the one
//     to offer in its place;
//   - a second root, or a context-less call, where the only context at hand
//     is itself an empty root (a local declared holding context.Background(),
//     context.TODO() or a test's t.Context(), or a context.WithX of one,
//     with no span or values added since), in loops too: there is no trace
//     to lose, and such a root is often cancelled on purpose. When both an
//     empty root and a context that may carry a trace are reachable,
//     messages name the latter;
//   - the work of an item a consumer loop receives from a subscription — a
//     channel the function got from a call (actions, err :=
//     listener.Actions(ctx)), ranged over or received from in a select of
//     an endless for: each item starts a trace of its own, and the context
//     at hand is the subscription's lifetime. A channel the function made,
//     or one held in a field, may carry the caller's own work and is
//     checked;
//   - the work of a tick of a periodic loop that runs in a goroutine of its
//     own: a case receiving from a timer channel (<-ticker.C,
//     <-time.After(d), any chan of time.Time) in a select of an endless for,
//     in a function literal started with go, or in a function the package
//     only ever starts with go (go w.watch(ctx), or as a statement of a
//     literal a go statement starts: go func() { defer wg.Done();
//     w.watch(ctx) }()). Each tick is a job of its
//     own and the context at hand is the loop's lifetime. A loop the caller
//     waits on (polling for a job's status) is checked;
//   - a context parameter of an unexported function whose every caller in
//     the package passes such an empty root — context.Background(), a local
//     holding nothing but one, or its own parameter of this kind (a job
//     worker that runs each job on a fresh root and hands it down through
//     its helpers). Not when the function is exported, used as a value (a
//     callback, a method value), may be called through an interface of the
//     package, called from code ctxprop skips, or when it assigns the
//     parameter a new context (ctx, span := tracer.Start(ctx, ...)). A
//     local declared from such a parameter (initCtx, cancel :=
//     context.WithTimeout(ctx, d)) and never reassigned is empty too: a
//     constructor's retry loop pinging on fresh short deadlines loses
//     nothing;
//   - test support outside _test.go files: a function taking a *testing.T,
//     *testing.B, *testing.F or testing.TB, and a package that imports
//     testing (or testify, gomega, ginkgo, gotest.tools) and is placed like
//     test support — a path segment test, tests, testing, e2e, test followed
//     by a support word (testutil, testfixtures, testhelpers, testenv, ...),
//     e2etests or integrationtests, or a name ending in test as httptest and
//     fstest do. (_test.go files are governed by -ctxprop.tests.)
//   - a command-line tool that never traces: package main, a package of
//     commands built with cobra, urfave/cli, kingpin, kong or ffcli, or a
//     package in a program's cmd tree (module/cmd/<tool>/...), whose
//     own imports include no tracing API, SDK or set-up (OpenTelemetry,
//     OpenTracing, Jaeger's, Zipkin's, OpenCensus, Datadog, Elastic APM,
//     New Relic, dskit tracing): its contexts start in main and no span is
//     ever in them.
//
// Where the parent is already cancelled, or must not govern the work:
//
//   - in the body of case <-ctx.Done():, after a statement <-ctx.Done() or
//     cancel() (the cancel function of ctx, or of a context ctx derives
//     from), after a loop that one of its ways out leaves when ctx is done
//     (for ctx.Err() == nil, a labeled break in a case <-ctx.Done():, a
//     break in an if ctx.Err() != nil), and in the body of if ctx.Err() !=
//     nil: ctx is cancelled there, or may be,
//     and a fresh root (or a context-less call) is the only way to finish —
//     a final commit, a flush. (r.Context() of a request counts as well.)
//   - a fresh context given to a call that undoes work (named Delete,
//     Remove, Rollback, Revert, Undo, Cleanup, Release, Abort, Destroy,
//     Purge) in the body of if err != nil, where err comes from a call
//     given the context at hand: the failure may be that context's own
//     cancellation, and what was half done must be undone all the same;
//   - a fresh context whose cancel function is managed by hand: returned
//     or a named result, stored, passed to a call, called from a function
//     literal that is handed on or run on its own goroutine and does not
//     use the context (a run group's interrupt, a watcher), or called where
//     the context at hand is known to be done (an ordered shutdown that
//     lets in-flight work finish first). A deferred cancel(), even in a
//     deferred closure, or a cancel() once the work is done, is not;
//   - a comment on the line or directly above the statement (or above the
//     statement whose body it opens, or heading its paragraph: above an
//     earlier statement of the same block with no blank line between) that
//     explains the choice: it says the
//     context is detached, outlives or survives the caller, is deliberate,
//     intentional or on purpose, or mentions contextcheck; or, speaking of
//     the context, says background, fresh, new context, separate,
//     independent, not used, don't use, propagate, shutdown, even if, even
//     when or regardless. A comment with TODO or FIXME is no such
//     explanation. Such a comment on a go statement's line, or directly
//     above it, covers the goroutine's whole body; one opening a bare block
//     ({ on a line of its own among statements, the comment before its
//     first statement) covers the block; one opening a block or case
//     clause, before its first statement, covers that statement also
//     across a blank line;
//   - trace.SpanFromContext(context.Background()) whose no-op span is
//     returned, stored or passed on, or only ended, never given
//     attributes, events or a status in the function: a span a caller may
//     end safely when there is no new one to start (a no-op span that is
//     recorded on is the usual slip for SpanFromContext(ctx), and is
//     reported);
//   - a fresh context that only signals: the function never hands it to
//     any work, only asks it Err(), Done() or Deadline(), reassigns it,
//     or derives a cancellable context from it back into itself (a
//     delayCtx whose cancel function a handler down the chain may call,
//     tested with delayCtx.Err() afterwards): no work runs under it, so
//     no trace is lost through it;
//   - anything inside a defer statement, or inside a function literal
//     registered with (testing.TB).Cleanup: clean-up must run when the
//     context is already cancelled;
//   - anything inside a callback handed to a function of this package that
//     keeps it to run later rather than calling it before it returns — it
//     stores the callback, passes it on, or runs it from a goroutine or a
//     timer (a publish buffer's flush, a debounced trailing update): the
//     callback runs after the caller returned and for whatever the
//     component serves, so the caller's context is not the one to give it;
//   - anything inside a teardown function: a function literal returned by
//     a function named for starting or stopping (StartPartition, StopFunc),
//     or assigned to a local named for a teardown (cleanup, release, stop),
//     however it is then run — returned, deferred, or called on each way
//     out (releaseConn := func() {...}; ... releaseConn()); it runs after
//     the work, when the call's context may be done, often because it is;
//   - a fresh context that flows, directly or through context.WithX, into a
//     shutdown call — a function, method or function value taking a
//     context first and named Shutdown (or containing it), Stop, Close,
//     Cleanup, Flush, ForceFlush, Drain or Destroy (srv.Shutdown(ctx), tp.Shutdown(ctx),
//     cleanup(ctx)), or named for a teardown verb (Stop, Close, Shutdown,
//     Terminate, Teardown, Destroy, Deregister, Unregister) and given a component
//     whose type has such a method besides the one called
//     (services.StopAndAwaitTerminated(ctx, svc)): the root context is
//     usually cancelled by then;
//   - a fresh context given first to a function of this package that ends
//     the process — its body calls os.Exit, also from a goroutine it starts
//     (exitProcess(context.Background(), logger) in an admin /stop
//     handler): stopping the apps and the exit callbacks must run to the
//     end, whatever becomes of the request that asked for it;
//   - a fresh context given to a component's start — a call taking a
//     context first, named Start or StartX, given a component whose type has
//     a stop or close method (lifecycler.StartAsync(ctx),
//     services.StartAndAwaitRunning(ctx, svc), checker.Start(ctx)): it
//     becomes the component's lifetime, and a caller's context would stop
//     the component when the caller returns;
//   - anything inside a function another package's constructor keeps — a
//     function literal, or a local holding one, handed to a function named
//     New... that returns what it builds (conn.NewManager(dial, ...)), and
//     a function of this package handed to one as a value and never called
//     by the package itself, whose one parameter is the context at hand
//     (services.NewBasicService(nil, l.loop, l.stopping)): the built value
//     runs it when it needs to, for as long as it lives, so the context of
//     the code that built it is not the callback's, and the context it
//     hands a running function is its own lifetime. A kept handler still
//     sees the request it serves, and is checked against it;
//   - a fresh context given, directly or through a local, to a call that
//     builds a long-lived client keeping it — one taking a context.Context
//     and returning an *http.Client or an oauth2.TokenSource (oauth2's
//     Config.Client and TokenSource, clientcredentials', oauth2.NewClient,
//     ctx := context.WithValue(context.Background(), oauth2.HTTPClient, hc)
//     then conf.TokenSource(ctx)): token refreshes run under that context
//     for the client's whole life, and a request's would be cancelled —
//     or that dials a gRPC connection (returns a *grpc.ClientConn: the dial
//     context bounds the dial alone);
//   - a fresh context kept for later in a struct field or a package
//     variable — assigned directly or through a local, or written in a
//     composite literal that is returned, assigned or declared: the lifetime
//     context of a long-lived component rightly starts its own traces (a
//     literal sent on a channel or passed to a call is a message, and its
//     fresh context is reported);
//   - one-time shared initialisation in (*sync.Once).Do, sync.OnceFunc,
//     OnceValue and OnceValues literals.
//
// Where the trace is kept or linked on purpose:
//
//   - context.WithoutCancel(ctx), and any call already given a context;
//   - the parent of a propagator's Extract: the Extract method of
//     propagation.TextMapPropagator or of any type implementing it
//     (otel.GetTextMapPropagator().Extract(context.Background(), carrier)
//     is how a consumer continues a remote trace);
//   - the parent of trace.ContextWithSpan, ContextWithSpanContext,
//     ContextWithRemoteSpanContext and baggage.ContextWithBaggage, which
//     link the trace explicitly;
//   - a fresh root given to a call that also takes the context at hand and
//     returns a context: tracing.CopyTraceContext(context.Background(), ctx)
//     copies the caller's trace into a context free of its cancellation;
//   - a fresh root in a function that links the caller's trace to another
//     one by hand: it reads the caller's span (trace.SpanFromContext,
//     SpanContextFromContext or LinkFromContext of the context at hand), or
//     puts a span into that context itself (trace.ContextWithSpan(ctx, span)),
//     and links (trace.WithLinks, a span's AddLink, trace.ContextWithSpan,
//     ContextWithSpanContext, ContextWithRemoteSpanContext, a trace.Link
//     literal) — a batch whose span links to each request, background work
//     whose span links back to its trigger, a shadow request put into the
//     caller's trace;
//   - the defaulting idiom if ctx == nil { ctx = context.Background() }, and
//     ctx = context.Background() re-rooting the reachable variable itself;
//   - anything where the context at hand is known to be nil — in the body
//     of if ctx == nil (or if r == nil for a request) or the else of if
//     ctx != nil: if ctx == nil { return http.NewRequest(...) } is how a
//     client accepts a nil context — or may be nil: after an if ctx != nil
//     { ... } without else, or an if ctx == nil { ... } that gives ctx no
//     value, whose body does not leave the function, the function expects
//     callers to pass nil (one without tracing yet) and ctx is no context
//     to offer;
//   - http.NewRequest (or httptest.NewRequest) whose request is given a
//     context afterwards with req.WithContext(ctx) or req.Clone(ctx) — in
//     the same expression or later — or handed to a call together with a
//     context (client.Do(ctx, req)), also through the field it is kept
//     in (s.req = req, then ctxhttp.Do(ctx, s.client, s.req)), and
//     likewise exec.Command whose *exec.Cmd is handed over with a context
//     (run(ctx, cmd));
//   - exec.Command whose *exec.Cmd is kept in a struct field
//     (s.proc = exec.Command(...), &Pool{helper: exec.Command(...)}): the
//     component owns the child process and kills it by hand, and
//     CommandContext would kill it when the caller's context is done;
//   - logging calls (slog.Info although slog.InfoContext exists, or a
//     context.Background() passed to one; also a framework's own log-level
//     function whose twin takes the context, log.Info beside
//     log.InfoContext): the logmix rule owns them;
//   - generated files, and _test.go files unless -ctxprop.tests is set.
//
// Known limits: a context kept in a struct field (s.ctx) is not a reachable
// context; flows into shutdown calls, WithContext and stored fields are
// followed within the package by variable, not along paths; a same-package
// function that wraps a context-less call is not reported at its callers;
// a program that installs tracing through a helper package of its own,
// from a main that imports no tracing package itself, is taken for a tool
// that never traces (export data does not show what a dependency imports);
// comments are read for the words above, not understood; packages
// importing neither context nor net/http are skipped unless
// -ctxprop.context-types is set.
//
// # Flags
//
// -ctxprop.checks: comma-separated checks to run; "all" (the default) or
// "all,-convention" to switch one off. Known checks: background, loop,
// goroutine, ctxless, convention.
//
// -ctxprop.context-types: comma-separated context-carrying types, each
// written import/path.TypeName (e.g. github.com/gofiber/fiber/v2.Ctx). A
// parameter of such a type makes a context reachable. Default: empty.
//
// -ctxprop.pairs: comma-separated extra context-less → context-taking
// pairs, each written fullname=TwinName with the full name as go/types
// prints it, e.g. (*github.com/acme/kv.Client).Get=GetCtx or
// github.com/acme/queue.Publish=PublishCtx. The twin is a method of the same
// receiver or a function of the same package; the fix is offered when the
// types prove it takes a context followed by the same parameters, the
// message alone otherwise. Default: empty.
//
// -ctxprop.tests: also check _test.go files (default false: on the real-code
// triage every finding in a test file was a test starting from its own root
// or a fixture, never a lost trace).
//
// Suppress a finding with //otellint:ignore ctxprop <reason> (or
// ctxprop/<check>) on the line or the line above.
package ctxprop
