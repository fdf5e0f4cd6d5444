package api

import (
	"go/ast"
	"go/types"
	"strings"
)

// This file knows the APIs through which a trace crosses a process
// boundary: message producers and received messages of the messaging
// libraries, gRPC and HTTP client and server constructors and their
// instrumentation. Tables are keyed by the full names go/types prints.

// Import paths of the transports and their OpenTelemetry instrumentation.
const (
	GRPCPath     = "google.golang.org/grpc"
	OtelGRPCPath = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	KafkaGoPath  = "github.com/segmentio/kafka-go"
	SaramaPath   = "github.com/IBM/sarama"
	SaramaOld    = "github.com/Shopify/sarama"
	KgoPath      = "github.com/twmb/franz-go/pkg/kgo"
	KotelPath    = "github.com/twmb/franz-go/plugin/kotel"
	AMQPPath     = "github.com/rabbitmq/amqp091-go"
	StreadwayAMQ = "github.com/streadway/amqp"
	NATSPath     = "github.com/nats-io/nats.go"
)

// Messaging system names used in messages.
const (
	SysKafka    = "Kafka"
	SysRabbitMQ = "RabbitMQ"
	SysNATS     = "NATS"
)

// Producer describes a call that publishes a message.
type Producer struct {
	// System is the messaging system ("Kafka", "RabbitMQ", "NATS").
	System string
	// NoHeaders is true for a call that cannot carry headers at all
	// (nats Conn.Publish(subject, data)); Instead names the call to use.
	NoHeaders bool
	Instead   string
	// Hookable is true for a client that can be instrumented where it is
	// built (franz-go hooks, a wrapped sarama producer): the call's package
	// must build the client for the finding to have evidence.
	Hookable bool
}

// producers maps the full names of publishing calls to what they are.
var producers = map[string]Producer{
	"(*github.com/segmentio/kafka-go.Writer).WriteMessages":                           {System: SysKafka},
	"(github.com/IBM/sarama.SyncProducer).SendMessage":                                {System: SysKafka, Hookable: true},
	"(github.com/IBM/sarama.SyncProducer).SendMessages":                               {System: SysKafka, Hookable: true},
	"(github.com/Shopify/sarama.SyncProducer).SendMessage":                            {System: SysKafka, Hookable: true},
	"(github.com/Shopify/sarama.SyncProducer).SendMessages":                           {System: SysKafka, Hookable: true},
	"(*github.com/twmb/franz-go/pkg/kgo.Client).Produce":                              {System: SysKafka, Hookable: true},
	"(*github.com/twmb/franz-go/pkg/kgo.Client).ProduceSync":                          {System: SysKafka, Hookable: true},
	"(*github.com/twmb/franz-go/pkg/kgo.Client).TryProduce":                           {System: SysKafka, Hookable: true},
	"(*github.com/rabbitmq/amqp091-go.Channel).Publish":                               {System: SysRabbitMQ},
	"(*github.com/rabbitmq/amqp091-go.Channel).PublishWithContext":                    {System: SysRabbitMQ},
	"(*github.com/rabbitmq/amqp091-go.Channel).PublishWithDeferredConfirmWithContext": {System: SysRabbitMQ},
	"(*github.com/nats-io/nats.go.Conn).Publish":                                      {System: SysNATS, NoHeaders: true, Instead: "PublishMsg"},
	"(*github.com/nats-io/nats.go.Conn).Request":                                      {System: SysNATS, NoHeaders: true, Instead: "RequestMsg"},
	"(*github.com/nats-io/nats.go.Conn).RequestWithContext":                           {System: SysNATS, NoHeaders: true, Instead: "RequestMsgWithContext"},
	"(*github.com/nats-io/nats.go.Conn).PublishMsg":                                   {System: SysNATS},
	"(*github.com/nats-io/nats.go.Conn).RequestMsg":                                   {System: SysNATS},
	"(*github.com/nats-io/nats.go.Conn).RequestMsgWithContext":                        {System: SysNATS},
}

// ProducerOf reports whether call publishes a message, and how.
func ProducerOf(info *types.Info, call *ast.CallExpr) (Producer, bool) {
	p, ok := producers[CalleeName(info, call)]
	return p, ok
}

// producerBuilders are the constructors of hookable producers: a package
// that calls one builds its producer itself, so whether it is instrumented
// is visible there.
var producerBuilders = map[string]bool{
	"github.com/IBM/sarama.NewSyncProducer":               true,
	"github.com/IBM/sarama.NewSyncProducerFromClient":     true,
	"github.com/IBM/sarama.NewAsyncProducer":              true,
	"github.com/IBM/sarama.NewAsyncProducerFromClient":    true,
	"github.com/Shopify/sarama.NewSyncProducer":           true,
	"github.com/Shopify/sarama.NewSyncProducerFromClient": true,
	"github.com/Shopify/sarama.NewAsyncProducer":          true,
	"github.com/twmb/franz-go/pkg/kgo.NewClient":          true,
}

// IsProducerBuilder reports whether call builds a hookable producer.
func IsProducerBuilder(info *types.Info, call *ast.CallExpr) bool {
	return producerBuilders[CalleeName(info, call)]
}

// IsAsyncProducerInput reports whether call is sarama's
// AsyncProducer.Input(), whose channel publishes what is sent on it.
func IsAsyncProducerInput(info *types.Info, call *ast.CallExpr) bool {
	switch CalleeName(info, call) {
	case "(github.com/IBM/sarama.AsyncProducer).Input", "(github.com/Shopify/sarama.AsyncProducer).Input":
		return true
	}
	return false
}

// messagingInstrumentation are the packages that instrument a producer or
// consumer where it is built: a package importing one may inject or
// extract through hooks that no call of this package shows.
var messagingInstrumentation = []string{
	KotelPath,
	"github.com/dnwe/otelsarama",
	"go.opentelemetry.io/contrib/instrumentation/github.com/IBM/sarama/otelsarama",
	"go.opentelemetry.io/contrib/instrumentation/github.com/Shopify/sarama/otelsarama",
	"github.com/nats-io/nats.go/otelnats",
}

// ImportsMessagingInstrumentation reports whether pkg imports a package
// that instruments a producer or consumer where it is built.
func ImportsMessagingInstrumentation(pkg *types.Package) bool {
	return ImportsAny(pkg, messagingInstrumentation...)
}

// ReceivedMessage describes a message type a consumer receives.
type ReceivedMessage struct {
	System string
	// Carrier is the expression shape of a carrier over the message's
	// headers, with %s for the message: what the extraction to write reads.
	Carrier string
}

// receivedMessages maps message types (as "pkgpath.Name", pointer or not)
// to what they are.
var receivedMessages = map[string]ReceivedMessage{
	KafkaGoPath + ".Message":        {SysKafka, "a carrier over %s.Headers"},
	SaramaPath + ".ConsumerMessage": {SysKafka, "a carrier over %s.Headers"},
	SaramaOld + ".ConsumerMessage":  {SysKafka, "a carrier over %s.Headers"},
	KgoPath + ".Record":             {SysKafka, "kotel.NewRecordCarrier(%s)"},
	AMQPPath + ".Delivery":          {SysRabbitMQ, "a carrier over %s.Headers"},
	StreadwayAMQ + ".Delivery":      {SysRabbitMQ, "a carrier over %s.Headers"},
	NATSPath + ".Msg":               {SysNATS, "propagation.HeaderCarrier(%s.Header)"},
}

// ReceivedMessageOf reports whether t (or *t) is a message type a consumer
// receives.
func ReceivedMessageOf(t types.Type) (ReceivedMessage, bool) {
	if t == nil {
		return ReceivedMessage{}, false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ReceivedMessage{}, false
	}
	m, ok := receivedMessages[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
	return m, ok
}

// headerTypes are the header element or container types of the messaging
// libraries: a TextMapCarrier over one of them is a message carrier.
var headerTypes = map[string]bool{
	KafkaGoPath + ".Header":          true,
	KafkaGoPath + "/protocol.Header": true, // kafka.Header is an alias of it
	SaramaPath + ".RecordHeader":     true,
	SaramaOld + ".RecordHeader":      true,
	KgoPath + ".RecordHeader":        true,
	AMQPPath + ".Table":              true,
	StreadwayAMQ + ".Table":          true,
	NATSPath + ".Header":             true,
	KafkaGoPath + ".Message":         true,
	SaramaPath + ".ProducerMessage":  true,
	SaramaPath + ".ConsumerMessage":  true,
	KgoPath + ".Record":              true,
	AMQPPath + ".Publishing":         true,
	AMQPPath + ".Delivery":           true,
	NATSPath + ".Msg":                true,
}

// MentionsMessageHeaders reports whether t is, points to, or is a slice of
// a messaging library's header or message type.
func MentionsMessageHeaders(t types.Type) bool {
	for i := 0; i < 3 && t != nil; i++ {
		t = types.Unalias(t)
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Named:
			obj := u.Obj()
			return obj.Pkg() != nil && headerTypes[obj.Pkg().Path()+"."+obj.Name()]
		}
		return false
	}
	return false
}

// IsPropagatorInject reports whether call is Inject of a TextMapPropagator
// (otel.GetTextMapPropagator().Inject, propagation.TraceContext{}.Inject).
func IsPropagatorInject(info *types.Info, call *ast.CallExpr) bool {
	return isPropagatorMethod(info, call, "Inject")
}

// IsTextMapCarrier reports whether t implements propagation.TextMapCarrier
// (found among the transitive imports of pkg).
func IsTextMapCarrier(pkg *types.Package, t types.Type) bool {
	p := findPackage(pkg, PropagationPath)
	if p == nil {
		return false
	}
	obj, _ := p.Scope().Lookup("TextMapCarrier").(*types.TypeName)
	if obj == nil {
		return false
	}
	iface, _ := obj.Type().Underlying().(*types.Interface)
	return iface != nil && (types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface))
}

// ImportsTransitively reports whether pkg or any package it imports,
// directly or not, has the given path.
func ImportsTransitively(pkg *types.Package, path string) bool {
	return findPackage(pkg, path) != nil
}

// gRPC constructors and the options that instrument them.

// GRPCConstructor describes a gRPC client or server constructor.
type GRPCConstructor struct {
	Server bool
	// FirstOpt is the index of the first option argument.
	FirstOpt int
}

var grpcConstructors = map[string]GRPCConstructor{
	"google.golang.org/grpc.NewClient":   {Server: false, FirstOpt: 1},
	"google.golang.org/grpc.Dial":        {Server: false, FirstOpt: 1},
	"google.golang.org/grpc.DialContext": {Server: false, FirstOpt: 2},
	"google.golang.org/grpc.NewServer":   {Server: true, FirstOpt: 0},
}

// GRPCConstructorOf reports whether call builds a gRPC client connection or
// server.
func GRPCConstructorOf(info *types.Info, call *ast.CallExpr) (GRPCConstructor, bool) {
	c, ok := grpcConstructors[CalleeName(info, call)]
	return c, ok
}

// grpcTracingOptions are the options through which a gRPC client or server
// may be traced: stats handlers and interceptors of any kind (an interceptor
// may be otelgrpc's older one, OpenTracing's, or a wrapper of either).
var grpcTracingOptions = map[string]bool{
	"google.golang.org/grpc.WithStatsHandler":           true,
	"google.golang.org/grpc.WithUnaryInterceptor":       true,
	"google.golang.org/grpc.WithStreamInterceptor":      true,
	"google.golang.org/grpc.WithChainUnaryInterceptor":  true,
	"google.golang.org/grpc.WithChainStreamInterceptor": true,
	"google.golang.org/grpc.StatsHandler":               true,
	"google.golang.org/grpc.UnaryInterceptor":           true,
	"google.golang.org/grpc.StreamInterceptor":          true,
	"google.golang.org/grpc.ChainUnaryInterceptor":      true,
	"google.golang.org/grpc.ChainStreamInterceptor":     true,
}

// OtelGRPCOption reports whether call is a gRPC option that traces with
// otelgrpc (grpc.StatsHandler(otelgrpc.NewServerHandler()), an otelgrpc
// interceptor option), and whether it is a server option.
func OtelGRPCOption(info *types.Info, call *ast.CallExpr) (server, ok bool) {
	fn := Callee(info, call)
	if fn == nil || !grpcTracingOptions[FullName(fn)] || len(call.Args) == 0 {
		return false, false
	}
	arg, isCall := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !isCall {
		return false, false
	}
	inner := Callee(info, arg)
	if inner == nil || inner.Pkg() == nil || inner.Pkg().Path() != OtelGRPCPath {
		return false, false
	}
	return !strings.HasPrefix(fn.Name(), "With"), true
}

// GRPCOptionKind says what a gRPC option argument tells about tracing.
type GRPCOptionKind int

const (
	GRPCOptPlain   GRPCOptionKind = iota // a grpc option that does not trace
	GRPCOptTracing                       // a stats handler or interceptor: may trace
	GRPCOptUnknown                       // an option built elsewhere: may trace
)

// GRPCOption classifies one option argument of a gRPC constructor.
func GRPCOption(info *types.Info, e ast.Expr) GRPCOptionKind {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return GRPCOptUnknown
	}
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return GRPCOptUnknown
	}
	name := FullName(fn)
	if grpcTracingOptions[name] {
		return GRPCOptTracing
	}
	if fn.Pkg().Path() == GRPCPath || strings.HasPrefix(fn.Pkg().Path(), GRPCPath+"/") {
		return GRPCOptPlain
	}
	return GRPCOptUnknown
}

// HTTP servers and routers.

// httpServes maps the net/http functions that serve a handler to the index
// of the handler argument.
var httpServes = map[string]int{
	"net/http.ListenAndServe":    1,
	"net/http.ListenAndServeTLS": 3,
	"net/http.Serve":             1,
	"net/http.ServeTLS":          1,
}

// HTTPServeHandlerArg returns the index of the handler argument of a
// net/http serving function call, or -1.
func HTTPServeHandlerArg(info *types.Info, call *ast.CallExpr) int {
	if i, ok := httpServes[CalleeName(info, call)]; ok {
		return i
	}
	return -1
}

// routerConstructors are the calls that build an uninstrumented router.
var routerConstructors = map[string]bool{
	"net/http.NewServeMux":               true,
	"github.com/gorilla/mux.NewRouter":   true,
	"github.com/go-chi/chi/v5.NewRouter": true,
	"github.com/go-chi/chi.NewRouter":    true,
}

// IsRouterConstructor reports whether call builds a plain router.
func IsRouterConstructor(info *types.Info, call *ast.CallExpr) bool {
	return routerConstructors[CalleeName(info, call)]
}

// IsTracingPackage reports whether path is the package of a tracing API,
// SDK or instrumentation (see tracingSetups).
func IsTracingPackage(path string) bool {
	for _, p := range tracingSetups {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
