// Package propagation is an otellint rule.
//
// # Analyzer propagation
//
// propagation: report process boundaries the trace context does not cross: uninstrumented gRPC and HTTP clients and servers, messages published without injection, consumers that do not extract
//
// A trace is only useful if it crosses services. HTTP and gRPC get
// injection and extraction from otelhttp and otelgrpc; for Kafka, RabbitMQ
// and NATS "trace context needs to be propagated through message headers":
// the producer injects, the consumer extracts, and otherwise the other
// side's work starts a new, disconnected trace. ctxprop checks that the
// context flows inside a process; propagation checks that it leaves and
// re-enters it. Each mistake is a check of its own (category
// propagation/<check>). A package counts as injecting (extracting) when it
// calls a TextMapPropagator's Inject (Extract), or a function of the
// program's own code in another package shaped like a propagation helper:
// given a context it returns or fills headers or a message
// (GetCarrier(ctx) map[string]string), or given headers or a message it
// returns a context. Code in _test.go files is never reported, nor test
// support: a function that takes a *testing.T (or B, F, TB) and a package
// placed like one that imports a test framework (integration/..., e2e,
// testutil, storetest); the clients and messages there are the test's.
// A finding needs evidence the rule can see in the package: a client, server
// or router that comes from a parameter, a field or another package may be
// instrumented there, and is not reported.
//
// # client
//
// A gRPC client connection (grpc.NewClient, grpc.Dial, grpc.DialContext)
// whose options are all written out (in the call, or in a local slice built
// with a literal and append) and include no stats handler and no
// interceptor, in a package that imports a tracing API or instrumentation.
// Any stats handler or interceptor counts as instrumentation (it may be
// otelgrpc's, OpenTracing's or a wrapper of either), and so does an option
// built by a helper. A package that hands a gRPC connection to an OTLP
// exporter (otlptracegrpc.WithGRPCConn(conn)) or to the collector's OTLP
// export clients (ptraceotlp.NewGRPCClient(conn)) dials its collector itself:
// its client connections carry the telemetry and are not reported. Nor is
// a client built by a command-line command (a function given cobra's
// command, a kingpin or urfave/cli context, or a helper only such code
// calls, and not one that starts a server) in a package that starts no
// span: it calls a server for a person at a terminal, with no trace to
// carry. A
// suggested fix adds grpc.WithStatsHandler(otelgrpc.NewClientHandler()),
// importing otelgrpc.
//
//	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // reported
//	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
//		grpc.WithStatsHandler(otelgrpc.NewClientHandler())) // good
//
// And an (*http.Client).Do of a request built in the same function with
// http.NewRequestWithContext (or Request.WithContext), in a function that
// starts a span, where the client is http.DefaultClient or a client built
// in the function from a literal whose Transport is absent,
// http.DefaultTransport or a literal *http.Transport. Not reported when the
// package injects into request headers itself (any
// TextMapPropagator.Inject) or assigns http.DefaultTransport or
// http.DefaultClient (programs that instrument the default transport).
//
//	ctx, span := tracer.Start(ctx, "fetch")
//	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//	resp, err := http.DefaultClient.Do(req) // reported
//	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)} // good
//
// # server
//
// A grpc.NewServer whose options are visible and include no stats handler
// and no interceptor, in a package that imports tracing; a suggested fix
// adds grpc.StatsHandler(otelgrpc.NewServerHandler()). Where the package
// appends otelgrpc's server option only when a condition holds (if
// cfg.Tracing.API { opts = append(opts, grpc.StatsHandler(...)) }), the
// configuration chooses which servers are traced, and the servers built
// without it are not reported; the same holds for client connections and
// a conditional grpc.WithStatsHandler. And an HTTP server
// (http.ListenAndServe, ListenAndServeTLS, Serve, ServeTLS, or an
// http.Server literal's Handler) whose handler is a router built in the
// same function (http.NewServeMux, gorilla/mux or chi NewRouter) and used
// there only to register plain handlers (function and method values,
// function literals and net/http's helpers over them), at least one of
// which is a function of the package that starts a span: a health, debug
// or metrics server has no trace to continue. A router with
// middleware (Use, With), a handler built by other code, or a router
// handed to other code is not reported, nor is any server of a package
// that extracts trace context itself, or of a program that neither imports
// tracing in the package nor links the SDK.
//
//	mux := http.NewServeMux()
//	mux.HandleFunc("/orders", s.orders)
//	http.ListenAndServe(":8080", mux)                                 // reported
//	http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "server"))  // good
//
// # inject
//
// A message published while a context is in scope by a package that never
// calls a TextMapPropagator.Inject, in a program that links the
// OpenTelemetry trace API: kafka-go's Writer.WriteMessages, sarama's
// SyncProducer.SendMessage(s) and sends on AsyncProducer.Input(),
// franz-go's Client.Produce, ProduceSync and TryProduce, amqp091-go's
// Channel.Publish, PublishWithContext and
// PublishWithDeferredConfirmWithContext, and nats.go's Conn.PublishMsg,
// RequestMsg and RequestMsgWithContext. sarama and franz-go producers can
// be instrumented where they are built (kotel hooks, otelsarama wrappers),
// so they are reported only in a package that builds its producer and
// imports none of those instrumentations. nats.go's Conn.Publish, Request
// and RequestWithContext cannot carry headers at all: they are reported
// with PublishMsg (RequestMsg) and a nats.Header as the replacement, unless
// the package injects somewhere (it may carry the trace context in the
// body). Not reported either: a publish whose value is built in the
// function from a struct of the program with a header-like field (a task
// envelope whose map[string]string carrier other code fills), and
// publishing from main or init. Only what is published counts for that —
// the call's arguments, not its receiver, and a field's value, not the
// struct it is read from: a writer whose configuration holds static headers
// publishes no envelope.
//
//	func (p *Publisher) OrderPlaced(ctx context.Context, o Order) error {
//		return p.w.WriteMessages(ctx, kafka.Message{Value: o.JSON()}) // reported
//	}
//	msg := kafka.Message{Value: o.JSON()}
//	otel.GetTextMapPropagator().Inject(ctx, headerCarrier{&msg.Headers}) // good
//
// # extract
//
// A span started while a received message is in scope (kafka.Message,
// *sarama.ConsumerMessage, *kgo.Record, amqp.Delivery, *nats.Msg held by a
// parameter or a local the function did not build or publish), from a
// context that does not derive from that message, in a package that never
// calls a TextMapPropagator.Extract: the consumer's span starts a new trace.
// Not reported: a span given trace.WithLinks (the messaging conventions'
// choice for batch consumers), a child of another span started in the
// function, a context that is a parameter of the function that also
// receives the message (its caller may have extracted it), packages that
// import a messaging instrumentation (kotel, otelsarama), and consumers of
// a system this package publishes to without injecting (the producer's
// finding is enough).
//
//	for m := range deliveries {
//		ctx, span := tracer.Start(ctx, "process") // reported
//	}
//	ctx := otel.GetTextMapPropagator().Extract(ctx, tableCarrier(m.Headers)) // good
//
// # carrier
//
// A hand-written propagation.TextMapCarrier over a message's headers (its
// type is, or has a field that is, a messaging library's header or message
// type) whose Keys returns nil, or whose Set appends a header without a
// loop or helper that replaces an existing key. The finding is at the
// method. An appending Set is not reported when every carrier of its type
// that the package injects into starts empty (carrier := T{} or &T{},
// nothing else assigned or set before Inject), as when one injected set
// of headers is shared by a batch: no key can be there already. Carriers
// built over a received message's headers (re-publishing, retries) are
// where the duplicate appears. Case-sensitivity of Get is not checked: message headers are
// case-sensitive in every library above, and HTTP headers are read through
// propagation.HeaderCarrier.
//
//	func (c carrier) Set(k, v string) { *c.h = append(*c.h, kafka.Header{Key: k, Value: []byte(v)}) } // reported
//
// # Flags
//
//	-propagation.checks=list
//		comma-separated checks to run: client, server, inject, extract,
//		carrier; "all" or "all,-name". Default: all.
//
// Silence one finding with //otellint:ignore propagation/<check> <reason>
// on its line or the line above.
package propagation
