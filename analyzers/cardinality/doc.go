// Package cardinality defines an Analyzer that keeps metric attributes
// bounded and metric instruments built once.
//
// # Analyzer cardinality
//
// cardinality: report unbounded metric attributes and labels, instruments built per request, and duration histograms without a unit or with coarse buckets
//
// Every distinct set of attribute values is a time series of its own. One
// user_id or request_id attribute turns a metric into millions of series
// and takes the metrics backend down: user_id/request_id should go to logs
// or traces, not metrics. Instruments created per request leak, allocate
// on the hot path and, in Prometheus, fail to register twice: create meters
// and instruments once during initialization.
//
// The rule looks at OpenTelemetry metrics (go.opentelemetry.io/otel/metric)
// and Prometheus client_golang (prometheus and promauto). Calls are matched
// by type, never by spelling: an import alias, a Meter stored in a field, a
// type implementing metric.Meter and a promauto.With(reg) factory all count.
//
// Bad:
//
//	func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		requests, _ := meter.Int64Counter("http.server.requests")
//		requests.Add(r.Context(), 1, metric.WithAttributes(
//			attribute.String("user_id", r.Header.Get("X-User-ID")),
//			attribute.String("path", r.URL.Path),
//		))
//	}
//
// Good: the instrument is built once; the user id goes to the span, the
// metric gets the route pattern.
//
//	var requests, _ = meter.Int64Counter("http.server.requests")
//
//	func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		trace.SpanFromContext(r.Context()).SetAttributes(
//			attribute.String("user_id", r.Header.Get("X-User-ID")))
//		requests.Add(r.Context(), 1, metric.WithAttributes(
//			attribute.String("http.route", r.Pattern)))
//	}
//
// # Sinks
//
// Metric attributes are the attributes reaching metric.WithAttributes or
// metric.WithAttributeSet (the options of Add, Record, Observe,
// ObserveInt64 and ObserveFloat64, also in observable callbacks): written
// in the call; gathered first in a local slice (attrs :=
// []attribute.KeyValue{...}; attrs = append(attrs, ...)), an
// attribute.NewSet or a package-level slice; returned by a same-package
// helper; or passed to a same-package wrapper function whose parameter
// ends up in WithAttributes. Attributes built with attribute.String and
// friends, attribute.Key("k").String(v) and the semconv helpers
// (semconv.URLFull(v)) are understood.
//
// Prometheus labels are the label names of New{Counter,Gauge,Histogram,
// Summary}Vec (prometheus, promauto and promauto.With(reg)), the values
// passed to WithLabelValues and GetMetricWithLabelValues, and the
// prometheus.Labels maps (a literal, or a local map filled by index
// assignments) passed to With, GetMetricWith, CurryWith and MustCurryWith.
// When the vector is a same-package variable or field built with constant
// label names, a positional value is named by its label.
//
// Span attributes (SetAttributes, trace.WithAttributes), log fields and
// exemplar labels (AddWithExemplar) are not metric attributes and are never
// reported: high cardinality is fine there.
//
// # Checks
//
// Each check is its own diagnostic category, cardinality/<check>, and can be
// switched off with -cardinality.checks.
//
// key: a metric attribute key or Prometheus label name that names an
// unbounded value. Keys are split into lower-case words at punctuation and
// camel case, so user_id, user.id, userId and UserID all read "user id",
// and a key matches when its words end with a deny-list entry: user, end
// user, customer, account, request, correlation, trace, span, session,
// order, cart, invoice, transaction, payment, message, event, job, task,
// run, device and visitor ids; uuids; the bare attribute key "id" (a
// Prometheus label named just "id" is judged by the values it is given: a
// partition or shard number is an id too); user names; email
// addresses; IP and client, remote or peer addresses; full URLs and URIs;
// raw paths (url.path, http.target; a key named just "path" or ending in
// path, like a label "path", is judged by its values: it holds a route
// template as often as a raw path, so r.URL.Path given to it is reported
// where it is given, and its declaration is not); query strings and query texts;
// timestamps, times and dates (created_at, ts); error messages. A key is not
// reported when its value is bounded: a constant, a bool, an enum-typed
// value or r.Pattern. For a Prometheus label name that holds when the
// vector is an unexported variable or field of the package that is only
// registered and given positional values, each of them bounded for that
// label: a "path" label that only ever gets r.Pattern is fine. Nor is a
// key whose value is a link derived from the series' other labels: a
// string built from a constant template (fmt.Sprintf with a constant
// format, or a concatenation with a constant) from another label's value,
// written the same way, and parts not found unbounded ("test_url":
// fmt.Sprintf("%s/tests/%s", dashboard, r.Test) next to "name": r.Test).
// It is one value per series, so only its value is judged; a Prometheus
// label name is skipped where it is declared when every use of the vector
// in the package — through its variable, or a struct field that variable
// is stored in — gives such a value. In a
// multi-tenant back end (a package that depends on dskit's or weaveworks'
// tenant and user packages, or Cortex's tenant package) the "user" is the
// tenant: a user id is an org id, bounded by the number of tenants, and
// neither user_id keys nor userID values are reported there. Anywhere, a
// value named for a tenant (tenantID, q.tenantId, tenantId.String(), the
// ID of a value of a type named Tenant) is not reported, whatever its type
// (a uuid too): per-tenant series are how a multi-tenant service is
// watched and billed, bounded by its customers. A team whose tenants are
// too many lists tenant_id in -cardinality.keys, and then they are. The
// label values of a Prometheus vector whose series the package deletes
// (DeleteLabelValues, Delete, DeletePartialMatch, Reset) are not reported:
// one series per live worker or connection, removed when it goes away,
// follows the entities alive rather than every value ever seen.
//
// value: a value that is unbounded whatever its key: r.URL.Path,
// r.URL.RawQuery, r.URL.String(), r.URL.EscapedPath(), r.RequestURI,
// r.RemoteAddr (not in a transport's RoundTrip, where the request is one
// the client sends and both are empty), r.Referer(), r.UserAgent(),
// r.ContentLength;
// uuid.New*() and uuid.NewString(); values of type uuid.UUID, trace.TraceID,
// trace.SpanID, time.Time, *url.URL, net.IP and netip.Addr and their String
// methods (span.SpanContext().TraceID().String()); t.Format, t.String and
// t.Unix* of a time.Time; time.Since; err.Error() and %v of an error (not of
// a package-level sentinel error); request headers, form values and path
// values whose name is on the deny list (r.Header.Get("X-Request-ID"));
// variables and fields named like an id on the deny list (userID,
// order.ID, req.SessionID); integers named like an id formatted with
// strconv (strconv.Itoa(id)). A name is evidence only next to the label it
// fills: for a vector handed in by another package, whose label names are
// out of sight, a value is reported only for what it is (a raw path, a
// uuid), not for its name. Values are followed through local variables
// within the function, taking the assignments that may reach the use (a
// raw path replaced by r.Pattern before it is recorded is fine; one
// assigned in only one branch is not), through strconv.Itoa and
// FormatInt, fmt.Sprint*, string concatenation, conversions and the
// string functions of strings, path and net/url, and into the arguments
// callers in the package pass to a wrapper's parameter. Constants, bools,
// enum-typed values, r.Pattern, r.Method and values chosen by a switch over
// constants are bounded, and so is the index of a range loop over a slice,
// an array, a string or an integer (strconv.Itoa(i) of a position in a
// fixed list), whatever it is named.
//
// per-request-instrument: an instrument constructed (Meter's Int64Counter,
// Float64Histogram, gauges, up-down counters and observables; prometheus and
// promauto New*), a collector registered (prometheus.MustRegister, Register)
// or a callback registered (Meter.RegisterCallback) on a hot path: in an
// HTTP handler (a function or closure with an http.ResponseWriter or
// *http.Request parameter), in an observable callback, in a function that
// receives a context.Context and is not a constructor, or in an event loop
// (for { ... } or a range over a channel: per message, per tick, per
// connection), wherever it is. A loop over a slice or map in set-up code
// builds one instrument per element, once, and is not reported.
// Package-level initialisers, init, main, Start, Run, Serve, constructors
// and set-up functions (names starting with New, new, Must, Init, Setup,
// Register, Install, Configure, Provide, Bootstrap), factories returning an
// instrument, functions receiving a metric.Meter, MeterProvider or
// prometheus.Registerer (they set instruments up for their caller),
// functions that build the server or router the program serves with
// (grpc.NewServer or a gRPC server option, http.NewServeMux, an
// http.Server literal, gin, echo,
// fiber, chi or gorilla/mux routers, a server start: a serve command's
// Complete(ctx) building its server and metrics), functions that last as
// long as their context (a statement of the body waits for <-ctx.Done(),
// or an endless loop of the body selects on it: a reporter
// registering its callbacks once, then blocking until the controller
// stops), and functions passed to sync.Once.Do or sync.OnceFunc/OnceValue
// are once, and
// so is a construction under an if whose result is stored in a map element
// or a field (a lazily filled cache: if c, ok := m[name]; !ok { ... }).
// An unexported function that receives a context but is only called from
// code that runs once (a server's Run building its options with Run's ctx)
// runs once too; its same-package callers are followed three levels up. A
// collector built by promauto.With(nil) registers nowhere (a throwaway
// counter an API requires) and is not reported. Create the instrument once
// and reuse it.
//
// missing-unit: an OpenTelemetry histogram whose name says it measures a
// duration (a word duration, latency, time, elapsed or rtt) created without
// metric.WithUnit; for Prometheus, such a histogram whose name has no unit
// suffix (_seconds, _ms, ...). A unit right before a breakdown the name
// ends with counts (queue_time_seconds_by_workflow): it is written.
//
// coarse-buckets: off by default (-cardinality.checks=all, or a list
// naming it, turns it on), because whether 10 ms against 100 ms matters depends on what a
// histogram times, which the code does not say. Read over 38 real code
// bases, most of its findings were floors chosen on purpose (network git
// and registry calls, a background sweeper, buckets trimmed to save
// series), a few were caches timed in tenths of a second. Turn it on where
// your histograms time fast calls. It reports explicit bucket boundaries of a duration histogram
// (metric.WithExplicitBucketBoundaries; HistogramOpts.Buckets as a literal
// or prometheus.LinearBuckets, ExponentialBuckets or ExponentialBucketsRange
// with constant arguments) that cannot tell 10 ms from 100 ms: no boundary
// lies strictly between the two, while the smallest boundary is below one
// second (a histogram meant for sub-second values; [1, 5, 30, 60] for a
// batch job is fine). The unit comes from metric.WithUnit (s, ms, us, ns),
// else from the name's unit suffix; Prometheus defaults to seconds. When
// the unit is unknown the boundaries are reported only if they are too
// coarse read both as seconds and as milliseconds. Histograms whose
// boundaries reach past a minute measure long-running work (background
// batch jobs, compactions, syncs, long queries), not request latency, and a
// Prometheus histogram with NativeHistogramBucketFactor set gets its
// resolution from native buckets: neither is reported, nor are the
// histograms of an example tree (a path segment example or examples),
// whose boundaries illustrate an API. The guide's example [0.1, 1, 10] is
// reported.
//
// counter-decrement: a counter given an amount that can be negative: an
// OpenTelemetry Int64Counter or Float64Counter's Add, a Prometheus
// Counter's Add or AddWithExemplar. The OpenTelemetry API requires
// non-negative increments (a back end reads a counter's sum as monotonic,
// so a decrease looks like a restart and corrupts rate()), and
// client_golang's Counter.Add panics on a negative value: a value that
// goes down is an up-down counter or a gauge. The amount needs positive
// evidence: a negative constant, a negation (-n), a difference (a - b), a
// product with a negative constant, or a local or parameter they reach
// (through the arguments the package's callers pass to a wrapper such as
// track(ctx, -1)). A difference is not evidence when it is the increment
// of a cumulative reading (cur.Hits - prev.Hits, the same function or
// method called twice, a time difference, a value minus the field it is
// then stored in), when it is unsigned, when both operands are counts
// (len(in) - len(kept), or sums of lengths: what a filter dropped), or
// when the function compares one of its operands (if d > 0) or passes it
// to max or min. A local or parameter is not followed to its sources
// where its function compares it: an entry point that sends lengths <= 0
// elsewhere passes only positive ones on.
//
//	m.active.Add(ctx, 1)
//	defer m.active.Add(ctx, -1) // an Int64Counter: reported
//
// Good:
//
//	m.inFlight.Add(ctx, 1) // an Int64UpDownCounter
//	defer m.inFlight.Add(ctx, -1)
//
// gauge-as-counter: a gauge used as a running total: a Prometheus Gauge
// or GaugeVec whose only updates are Inc() or Add of a non-negative
// amount (never Set, Dec, Sub, SetToCurrentTime or a negative Add), or a
// synchronous OpenTelemetry up-down counter only ever given non-negative
// increments. An amount is non-negative when it is a constant >= 0, a len
// or cap, or unsigned; an amount of unknown sign is enough only when the
// name says the metric is a total (a Prometheus name ending in _total or
// _count, an OpenTelemetry name ending in total). A gauge's rate() and
// increase() do not understand resets, and an up-down counter is exported
// as a non-monotonic sum (a Prometheus gauge) that back ends do not rate:
// use a Counter. The instrument is judged over every use, in the whole
// package, of the variables and fields that hold it (a field set in a
// constructor and incremented in several methods is one instrument, and so
// are the children of a vector's WithLabelValues). It is not judged when
// it could change out of sight: an exported variable or field, an
// instrument passed to a function (other than as a prometheus.Collector,
// for registration), returned, stored in a map or taken as a method value,
// one built elsewhere and handed in, or a vector whose series are removed
// (Delete, DeleteLabelValues, Reset). Instruments built on a hot path are
// left to per-request-instrument, and info metrics (a name ending in info,
// 1 by convention) are not reported.
//
//	var processed = prometheus.NewGauge(prometheus.GaugeOpts{Name: "jobs_processed"})
//
//	func work() { processed.Inc() } // the only update: reported
//
// Good:
//
//	var processed = prometheus.NewCounter(prometheus.CounterOpts{Name: "jobs_processed_total"})
//
// exemplars: a Prometheus metrics endpoint that cannot carry exemplars in
// a program that traces and records them. An exemplar links a histogram
// bucket to the trace of one request in it (a click from a latency spike
// to a trace that shows it); Prometheus receives exemplars only in the
// OpenMetrics format, which promhttp serves only with
// HandlerOpts.EnableOpenMetrics. Reported: promhttp.Handler(), and
// promhttp.HandlerFor or HandlerForTransactional with a HandlerOpts literal
// without an EnableOpenMetrics field, in a package whose program links the
// OpenTelemetry trace SDK (go.opentelemetry.io/otel/sdk/trace among its
// transitive imports) and records exemplars: the package calls
// ObserveWithExemplar or AddWithExemplar, or the program links the
// OpenTelemetry Prometheus exporter, which attaches the exemplars of
// measurements made in sampled spans. Options held in a variable and an
// EnableOpenMetrics field of any value are the user's choice; so is every
// handler of a package that sets EnableOpenMetrics: true on one of them
// (its author knows the option: a second registry of usage data or a
// legacy path left in the text format is deliberate). The fix
// sets EnableOpenMetrics: true in the literal, keeping its other fields,
// and replaces promhttp.Handler() with what it is made of:
// promhttp.InstrumentMetricHandler(prometheus.DefaultRegisterer,
// promhttp.HandlerFor(prometheus.DefaultGatherer,
// promhttp.HandlerOpts{EnableOpenMetrics: true})). Also reported, in the
// same programs: exemplar.AlwaysOffFilter, which drops every exemplar of
// an OpenTelemetry MeterProvider (not in tests).
//
//	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
//
// Good:
//
//	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg, EnableOpenMetrics: true}))
//
// _test.go files are not checked by any check: tests and benchmarks build
// instruments per case and record whatever attributes exercise the code,
// and none of it reaches a metrics backend. Generated files are not
// checked either.
//
// # Flags
//
//	-cardinality.checks   checks to run, comma-separated: key, value,
//	                      per-request-instrument, missing-unit,
//	                      coarse-buckets, counter-decrement,
//	                      gauge-as-counter, exemplars, or all; "all,-missing-unit"
//	                      switches one off (default: all)
//	-cardinality.keys     extra keys or label names to deny, comma-separated,
//	                      normalised like the defaults ("tenant_id" also
//	                      matches tenant.id, tenantID and variables named
//	                      tenantID) (default: none)
//	-cardinality.allow    keys or label names never reported, nor their
//	                      values, comma-separated and normalised; an entry
//	                      matches keys ending with its words ("path" allows
//	                      url.path) (default: none)
//
// A finding can be silenced with //otellint:ignore cardinality <reason> (or
// cardinality/<check>) on its line or the line above.
package cardinality
