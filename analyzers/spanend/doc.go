// Package spanend defines an Analyzer that checks that every span a function
// starts is ended, once, on every path, and that failed spans are marked as
// failed.
//
// # Analyzer spanend
//
// spanend: report spans that are not ended on every path, discarded, overwritten or used after End
//
// A span that is never ended is never exported: it is missing from the trace,
// its children hang off a parent that does not exist, and the SDK keeps it in
// memory until the process exits. The observability guide's checklist puts it
// first among trace pitfalls: "not calling span.End() or defer span.End()
// (causing span leaks)". Its error standard is RecordError plus
// SetStatus(codes.Error, ...), so that backends count the span as failed.
//
// A span start is the Start method of any go.opentelemetry.io/otel/trace.Tracer
// (the interface, otel.Tracer(name), a TracerProvider's Tracer, a struct field
// or embedded field holding one, noop and SDK tracers, a type parameter
// constrained by Tracer), an in-house wrapper configured with
// -spanend.start-funcs, or a same-package function whose every return hands
// back a span it started (or nil), such as an unexported
// (*Service).startSpan helper. When such a start also returns an error, a
// branch where the error is not nil is taken to hold no span. Spans read
// back with trace.SpanFromContext belong to someone else and are never
// reported as not ended.
//
// Bad:
//
//	func (s *Service) PlaceOrder(ctx context.Context, o *Order) error {
//		ctx, span := s.tracer.Start(ctx, "PlaceOrder")
//		if err := o.Validate(); err != nil {
//			span.RecordError(err)
//			return err // the span leaks here and is not marked as failed
//		}
//		defer span.End()
//		return s.repo.Save(ctx, o)
//	}
//
// Good:
//
//	func (s *Service) PlaceOrder(ctx context.Context, o *Order) error {
//		ctx, span := s.tracer.Start(ctx, "PlaceOrder")
//		defer span.End()
//		if err := o.Validate(); err != nil {
//			span.RecordError(err)
//			span.SetStatus(codes.Error, err.Error())
//			return err
//		}
//		return s.repo.Save(ctx, o)
//	}
//
// # Checks
//
// Each check is a diagnostic category "spanend/<check>" and can be switched
// off with -spanend.checks.
//
// not-ended: a span held in a local variable is not ended on some path
// through the function's control-flow graph: an early return err, a bare
// return, a return nil, the closing brace, End in only one branch of an if,
// switch or select, a loop that returns or breaks out past End, or a span
// started in a loop body that is not ended before the next iteration starts
// another. The finding is at the start and names the line of the return
// that leaks. A path ends legitimately in a call that never returns (panic,
// os.Exit, log.Fatal, t.Fatal, zap and logrus Fatal, or a same-package
// function that always does). No span needs ending on a branch where it is
// nil (if span != nil { span.End() }) or does not record (if
// !span.IsRecording() { return }: the SDK keeps nothing for it), nor on the
// branch of a condition that contradicts the one the start is under when
// nothing in between changes it (if tracing { ctx, span = tracer.Start(...) }
// ... if tracing { span.End() }), nor on the branch a local boolean flag
// rules out: a loop that starts a span only when a flag says none is open
// (if !started { ctx, span = tracer.Start(...); started = true }) and clears
// the flag where it ends the span. A deferred function that ends the span
// only under a local flag (defer func() { if endSpan { span.End() } }())
// ends it on the paths that reach an exit with the flag set; a path that
// clears the flag must end the span or hand it on itself, as a streaming
// response does when a goroutine that ends the span takes it over
// (endSpan = false; go func() { defer span.End(); ... }()). The finding
// names the exit where the flag is cleared and nobody ends the span.
// Calling a local function literal that
// ends the span (reset := func() { ...; span.End() }) ends it. A span of a
// noop tracer (a noop.Tracer, the Tracer of a noop.TracerProvider) holds
// nothing and is never reported. When the span is not ended anywhere in the
// function and the start is a plain assignment statement outside a loop, a
// suggested fix inserts defer span.End() after it; for a span started in a
// loop body the message asks to end it before the iteration ends instead.
//
// discarded: the span result of a start is assigned to _ or the whole result
// is dropped, so nothing can end the span. Not reported when the returned
// context escapes the function (returned, stored in a field, global, map or
// slice element, or sent on a channel) or trace.SpanFromContext(ctx).End()
// ends it here: instrumentation such as otelgrpc's stats handler starts a
// span as ctx, _ = tracer.Start(ctx, ...) and ends it from the context in a
// later callback. Passing the context to a call is not an escape. Nor for a
// noop tracer's span: tests start one only to put a span context into a
// context.
//
// overwritten: the span variable is assigned a new span start while the
// previous span is still open on that path, or after a deferred closure
// that ends the variable (defer func() { span.End() }()): the closure reads
// the variable when the function returns and ends only the last span.
//
// defer-in-loop: defer span.End() (or a deferred function or helper that ends
// a span) inside a loop body runs only when the function returns, so every
// iteration's span stays open until then. Not reported when the span must
// outlive the iteration: its context (or the span) goes into a value that
// keeps working with it (an interface such as an iterator or reader, a
// function, a channel, a context, or a value handed to a parameter of a
// non-empty interface type) and that value is stored where it outlives the
// iteration (a variable declared before the loop, a field, a slice, a
// channel), or a goroutine started in the iteration uses it (a go
// statement, or a literal given to a group's Go or TryGo, as errgroup's):
// ending the span at the end of the iteration would end it while that
// goroutine still works under it. Data computed from the context (a count,
// a result) does not count.
//
// used-after-end: a method that changes the span (SetAttributes, AddEvent,
// AddLink, RecordError, SetStatus, SetName, End) is called on a path after a
// non-deferred span.End(); the SDK drops the change. Reading the span
// (SpanContext, IsRecording) after End is fine. A path on which the variable
// is given a new span first (also behind a flag, as for not-ended) is not a
// use after End.
//
// defer-captures-err: defer endSpan(span, err) or defer span.RecordError(err)
// where err is assigned after the defer statement (including by a return
// statement setting a named result): the arguments of a deferred call are
// evaluated when the defer statement runs, so the call sees the old error.
// Defer a closure instead.
//
// recorderror: span.RecordError(err) where the recorded error fails the
// span's operation and no span.SetStatus(codes.Error, ...) (directly, in a
// same-package helper given the span, or in a deferred function that sets
// it on the path where the function's error is not nil) runs on that path.
// The evidence that the error is a failure, on a path from the call:
//
//   - the function returns it, or an error built from it
//     (fmt.Errorf("...: %w", err), a variable it was copied into), as its
//     error result;
//   - a function without an error result gives up on it: the branch that
//     records it (if err != nil { ... }) returns, or ends the span, without
//     joining the work the function does when there is no error; the same
//     for the span of one loop iteration that ends with the error;
//   - a deferred function records the error its function returns (a named
//     error result), or the error a function without results gave up on
//     (an HTTP handler's if err != nil { http.Error(...); return });
//   - the span is tagged with the error.type attribute in a block around
//     the call (semconv.ErrorTypeKey.String(...), attribute.String(
//     "error.type", ...), or a function named ErrorType that returns an
//     attribute): the author marks the outcome as a failure, say a tool
//     result flagged IsError, even though no error is returned.
//
// Handled errors are not reported: a record dropped from a batch (continue),
// one failed sub-task of many, a cleanup failure followed by return nil, a
// fallback, or an error replaced before the return. Nor are cancellations
// (ctx.Err(), an error tested with errors.Is(err, context.Canceled)), nor an
// err that is provably nil where it is recorded (every path to the call went
// through the nil branch of if err != nil { return ... }). The span is one
// the function starts, or, when the recorded error is returned, a span it
// receives as a parameter or takes with trace.SpanFromContext whose owner is
// in view: the function is called in this package, every caller starts a
// span itself, and none sets a span's Error status. A gRPC or HTTP handler
// recording on its server span is not reported: the instrumentation that
// started that span marks it from the returned error or status code. A
// suggested fix adds span.SetStatus(codes.Error,
// err.Error()) after the RecordError call, only when every path from the
// call fails without a status (so the fix marks no handled path as failed)
// and the call runs only for a non-nil err (inside if err != nil), and
// imports go.opentelemetry.io/otel/codes when needed.
//
// loop-span: a child span started on every iteration of a loop whose trip
// count grows with the data, in a function that already started a span of
// its own before the loop (checklist 7.1: "excessive span creation", "hot
// path spans too deep or too many"): one request over a thousand rows
// becomes a trace of a thousand spans that the back end samples, truncates
// or drops, and the one span that matters is lost among them. The loop is
// data-sized when it ranges over a parameter other than the receiver (or a
// field or element of one), a call's result (a query, a decode), a local
// variable assigned or appended one of those, a channel, an iterator
// function or a non-constant integer; or when a for loop is driven by a
// method call (rows.Next(), scanner.Scan(), it.Next(ctx)) or bounded by
// such data (i < len(items), i < n). Not reported: loops over arrays,
// literals, constants (for range 3, for i := 0; i < 3; i++), package
// variables and the receiver's fields (a configured set of backends);
// endless for loops (a worker's receive loop); loops over batches (the
// elements are slices or maps: a span per batch is how batching keeps the
// count down); iterations that start their own trace (trace.WithNewRoot,
// trace.WithLinks, a context from context.Background or a propagator's
// Extract in the loop body: a consumer continuing each message's trace);
// loop bodies that hand the item to another goroutine (a go statement, a
// channel send); iterations that pass the child span or any context to a
// call (a span per database query or RPC times that call and parents what
// it traces); functions without a span of their own before the loop.
// No suggested fix: where the count goes is the author's choice.
//
//	Bad:  for _, o := range orders { ctx, span := tracer.Start(ctx, "importOrder"); ...; span.End() }
//	Good: span.SetAttributes(attribute.Int("orders.count", len(orders)))
//	      for _, o := range orders { ...; span.AddEvent("order imported") }
//
// leaf-span: off by default (-spanend.checks=all,leaf-span); a span around
// work that cannot block and calls nothing traced (checklist 7.1:
// "excessive span creation in library/utility functions"). The function
// starts one span and, besides the span's own methods and attribute,
// status and option constructors, only calls pure standard-library
// functions (strings, strconv, bytes, unicode, errors, math, sort, slices,
// maps, regexp, net/url, fmt.Sprintf and Errorf, time.Now and Since, the
// methods of time.Time) and same-package functions that pass the same test;
// it has no loop, no channel operation, select, go statement or function
// literal, passes no context to anything, does not use the span's context,
// records no error and returns no context or span. Such a span measures
// microseconds of CPU, deepens every trace and tells nobody where time goes.
// Not reported in a demo program that prints its spans with the stdout
// exporter and sends them nowhere else: showing a child span is its point.
// Off by default: a call into another package that is not on the list
// (encoding/json, a mutex) keeps it quiet, and even so the real-code triage
// found too few findings to show it is right by default (see the README).
//
//	Bad:  func FormatPrice(ctx context.Context, c int64) string { _, span := tracer.Start(ctx, "FormatPrice"); defer span.End(); return fmt.Sprintf("%d.%02d", c/100, c%100) }
//	Good: func FormatPrice(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }
//
// # What is not reported
//
// The rule reports only what it can see is a leak. A span is taken care of
// when it is ended with defer span.End() or through its context
// (trace.SpanFromContext(ctx).End()), by a deferred function literal
// that ends it on every path of its body, or by a same-package helper whose
// body ends its parameter (looked into, also for generic helpers and
// methods); and it is handed over when it is returned to the caller
// (directly, through a named result, in a struct, or in a returned closure
// or method value), stored in a field, map, slice, channel or package
// variable, captured by a closure that ends it (a goroutine, a callback), or
// passed to a function of another package, an interface method or a
// function value, whose body the rule cannot see. A span given to a
// standard-library function's parameter of type any that cannot keep it
// (fmt.Println, fmt.Sprintf, a log or slog logger's methods) is not handed
// over: nothing there ends it. Each function literal is checked as a
// function of its own.
//
// # Flags
//
// -spanend.checks: comma-separated checks to run; "all" or
// "all,-recorderror" to switch one off. Known checks: not-ended, discarded,
// overwritten, defer-in-loop, used-after-end, defer-captures-err,
// recorderror, loop-span, leaf-span. Default: every check but leaf-span.
//
// -spanend.start-funcs: comma-separated regular expressions, each matched
// against the whole full name of a function as go/types prints it, of
// in-house functions that start a span and return it (with or without a
// context), e.g. github.com/acme/tracing.StartSpan or
// \(\*github.com/acme/tracing.Tracer\).Span. They are recognised in addition
// to every Tracer's Start, and the spanname and pii rules read the same
// setting. Default: empty.
//
// -spanend.tests: also check _test.go files. Default false: a span a test
// leaves open is gone with the test process, and on the real-code triage
// every spanend finding in a test file was a fixture nobody would change.
//
// Suppress a finding with //otellint:ignore spanend <reason> (or
// spanend/<check>) on the line or the line above.
package spanend
