// Package spanname defines an Analyzer that checks span names: they must
// name what the system does, with bounded cardinality.
//
// # Analyzer spanname
//
// spanname: check that span names name business operations with bounded cardinality
//
// A trace is readable only when its spans are named for what the system does
// ("OrderService.PlaceOrder"), not for the function that happens to run
// ("ProcessRequest"), and a tracing backend can group spans only when their
// names come from a small fixed set: a name built from a URL path or an ID
// makes every request its own operation. (Observability guide, step 1:
// "Making Traces Actually Readable".)
//
// Bad:
//
//	func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		ctx, span := tracer.Start(r.Context(), "handle_request")
//		...
//		_, span := tracer.Start(ctx, fmt.Sprintf("%s %s", r.Method, r.URL.Path))
//
// Good:
//
//	ctx, span := tracer.Start(r.Context(), "OrderService.PlaceOrder")
//	...
//	_, span := tracer.Start(ctx, r.Method+" "+r.Pattern) // "GET /orders/{id}"
//	span.SetAttributes(semconv.URLPath(r.URL.Path))
//
// The rule checks the name argument of every span start — the Start method of
// any trace.Tracer (the interface, an embedding struct, or an implementation)
// and the wrappers configured with -spanend.start-funcs — of span.SetName, of
// otelhttp.NewHandler(h, operation) and otelhttp.NewMiddleware(operation), and
// the values returned by a formatter passed to otelhttp.WithSpanNameFormatter
// (a function literal, a variable holding one, or a function of the same
// package). The operation of NewHandler and NewMiddleware is checked only
// where it names spans, in an otelhttp older than v0.69 (its Version
// constant, from type information, says which), and then only for the
// empty and dynamic checks. Since v0.69 server spans are named "{method}
// {route}" and the operation reaches only a custom formatter, so
// otelhttp.NewHandler(mux, "") and otelhttp.NewHandler(mux, "server") are
// fine. Nor is an operation checked when the call's options may replace it
// with a formatter: a WithSpanNameFormatter option, or options it does not
// spell out (otelhttp.NewHandler(h, "", opts...)); nor in a program that
// links a router middleware renaming the server span after the matched
// route (bunrouter's bunrouterotel), which makes the operation a
// placeholder.
// trace.SpanFromContext starts nothing and is not checked, and neither are
// spans started in _test.go files or generated files.
//
// A name is followed through constants (of any package, including named
// string types and concatenations, as go/types folds them), local and
// package-level variables (every assignment the package makes to them),
// fmt.Sprintf and fmt.Sprint (%T is bounded), +, strings.Join, path.Join,
// strings.Builder and bytes.Buffer writes, string conversions, String() and
// Error() methods, and the return statements of same-package functions. The rule reports only
// what it can see: a name it cannot follow (a parameter, a call into another
// package) is not reported, unless its variable's name says it is an ID.
//
// A span whose start name is replaced — span.SetName in the same function,
// or a span left open for a hook of the same package that reads spans from
// the context and renames them (BeforeQuery starts it, AfterQuery names and
// ends it) — is judged by the SetName call, not by its start.
//
// Each name gets at most one finding, from the first check that applies:
//
//   - empty: the name is the empty string.
//
//   - dynamic: the name is built from a value of unbounded cardinality: the
//     raw request path or URL (r.URL.Path, r.URL.String(), r.RequestURI),
//     client input (r.PathValue, r.FormValue, query values, headers,
//     r.RemoteAddr), an ID (a variable, parameter or field whose name ends in
//     ID, UUID, GUID, UID, Email or Token, or whose type is named so, but
//     not the ID of a kind of thing: operationID, routeID, methodID,
//     handlerID, endpointID, actionID, commandID, eventTypeID, serviceID,
//     regionID, providerID, pluginID, stageID, statusID, ...), a
//     UUID, a time.Time, an error message (err.Error()), or a loop index
//     over data (the index of a range over a slice, a counter with no
//     condition or compared with len(x)). Parts of bounded cardinality are
//     fine: constants, r.Method, r.Pattern (Go 1.22 route patterns), values
//     of an enumerated named type (a named string or integer type with
//     declared constants that the package never converts a variable into),
//     %T, loop variables ranging over constants or fixed literals, counters
//     compared with a constant, a variable inside a switch case that pins it
//     to constants, and values looked up in a fixed table. A counter
//     compared with a configured count (i < cfg.ChildSpans) is not reported:
//     its bound is out of sight. The message proposes a route template such as
//     "GET /orders/{id}" or the fixed part of the name, and moving the
//     variable part into a span attribute.
//
//   - function-style: the name carries no domain information. By default
//     that is a name made only of generic placeholder words, decided word by
//     word after splitting camelCase, snake_case and dots ("ProcessRequest",
//     "handle", "handle_request", "doWork", "execute", "run", "span",
//     "operation", "test", "my-span-2"; plurals too, bar "spans", the data
//     a tracing pipeline handles: "process-spans" is fine), or a Go symbol: a name as Go prints
//     functions ("orders.(*Service).Place", "Handler.func1") or computed
//     from one (runtime.FuncForPC(pc).Name()). The message names the
//     operation to use instead from the receiver and method or the package
//     ("OrderService.PlaceOrder"; "OrderService.<action>" when the method's
//     name is a placeholder too). With -style=guide, also a name that
//     repeats the enclosing function's name (ignoring case and separators:
//     "place_order" in PlaceOrder), or a bare identifier with no domain
//     qualifier ("refund_payment"), suggesting the name qualified by the
//     receiver type or package, e.g. "OrderService.RefundPayment".
//     Placeholders and Go symbols are not reported in a demo program: a
//     main package (or a package of an example tree) that prints its
//     spans with the stdout exporter and
//     exports them nowhere else, so no back end groups them by name.
//
//   - duplicate: two span starts of the package whose constant names make
//     two operations one in the back end: a span started, down the
//     package's call chain (up to four calls deep, recursion excluded),
//     inside a span of the same name or one differing only in letter case
//     ("ListUsers" in the service and again in the store it calls;
//     "FindTraceIDs" around "findTraceIDs"); two names that differ only in
//     letter case or separators ("UserService.GetProfile",
//     "userService.getProfile"; names of symbols only, a set operation's
//     "+", "&" and "-", are compared as written); or a name that is a function's own
//     ("UserService.Create" in Create) reused in another function that
//     neither calls nor is called by it (Update, copied from Create). The
//     finding is at the second site and names the first. The same name in
//     one function, in implementations of one method on different types, or
//     a step name owned by no function ("db.query") is fine.
//
//   - convention: only with -style=guide or -pattern: the name does not
//     follow the naming convention. With -style=guide that is at least two
//     dotted identifiers in Go's own letter case ("OrderService.PlaceOrder",
//     "Payment.OrderService.CreateOrder", "walBlock.Append",
//     "vparquet.compactor.finishBlock"), a Go qualified identifier
//     ("orders.Create", "payment_gateway.Charge"), or one
//     of the semantic-convention forms instrumentation uses: an HTTP method
//     with an optional route ("GET", "GET /orders/{id}", "HTTP GET",
//     "HTTP POST /payments"), a route ("/orders/{id}"), a lowercase
//     <system>.<operation> ("kafka.publish", "db.query", "http.server"),
//     "<destination> <operation>" or "<operation> <destination>" for
//     messaging (publish, process, receive, send, create, settle, deliver:
//     "orders publish", "send orders"), an SQL verb with an
//     optional table ("SELECT orders"), an RPC method
//     ("orders.v1.OrderService/PlaceOrder"), and a GraphQL operation
//     ("query GetOrder"). -pattern replaces it with the team's own. The
//     message suggests no rename that would only re-case the same words.
//
// The guide's naming style is opt-in: it is a team convention, not a defect.
// Code bases that name spans [pkg.]receiverType.Method in Go's own letter
// case, or bare step names under a descriptive tracer scope, are consistent
// and deliberate, and the default checks leave them alone.
//
// Names that pass the convention are never reported as repeating the
// function's name or off-convention,
// and names listed in -spanname.allow are accepted as they are. Only names the
// rule can compute completely are checked for style and convention. A check
// switched off with -spanname.checks does not pass its names on to the next
// one.
//
// Flags:
//
//	-spanname.checks    checks to run (default all): a comma-separated list of
//	                    empty, dynamic, function-style, duplicate, convention;
//	                    "all"; or "all,-duplicate" to switch one off
//	-spanname.style     default, or guide: also the guide's function-style and
//	                    convention checks
//	-spanname.pattern   a regular expression (matched against the whole name)
//	                    that switches the convention check on with the team's
//	                    own convention, e.g. '[A-Z]\w*(\.[A-Z]\w*){2}' for
//	                    Domain.Service.Action
//	-spanname.allow     comma-separated names to accept as they are
//	-spanname.name-arg  the index of the name argument of the wrappers set with
//	                    -spanend.start-funcs (default -1: the wrapper's first
//	                    string parameter)
//
// Silence one finding with //otellint:ignore spanname <reason> (or
// spanname/<check>) on the line or the line above.
package spanname
