// Package consumers reads messages from a queue and continues the producer's
// trace from the message headers.
package consumers

import (
	"context"

	"go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

var tracer = otel.Tracer("consumer")

type Message struct {
	Headers map[string]string
	Body    []byte
}

type Handler func(ctx context.Context, m Message) error

type Consumer struct {
	prop    propagation.TextMapPropagator
	handle  Handler
	process func(ctx context.Context, body []byte) error
}

// Receive continues the remote trace: a fresh root as the parent of
// Extract is the correct way, even though the poll loop has a context.
func (c *Consumer) Receive(ctx context.Context, msgs <-chan Message) {
	for m := range msgs {
		mctx := otel.GetTextMapPropagator().Extract(context.Background(), propagation.MapCarrier(m.Headers))
		_ = c.handle(mctx, m)
	}
}

// ReceiveField uses an injected propagator.
func (c *Consumer) ReceiveField(ctx context.Context, m Message) error {
	mctx := c.prop.Extract(context.Background(), propagation.MapCarrier(m.Headers))
	return c.handle(mctx, m)
}

// ReceiveConcrete uses concrete propagator types.
func (c *Consumer) ReceiveConcrete(ctx context.Context, m Message) error {
	mctx := propagation.TraceContext{}.Extract(context.Background(), propagation.MapCarrier(m.Headers))
	mctx = propagation.Baggage{}.Extract(mctx, propagation.MapCarrier(m.Headers))
	composite := propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})
	mctx = composite.Extract(mctx, propagation.MapCarrier(m.Headers))
	auto := autoprop.NewTextMapPropagator()
	_ = auto.Extract(context.TODO(), propagation.MapCarrier(m.Headers))
	return c.handle(mctx, m)
}

// Process starts the processing span from nowhere instead of from the
// extracted context.
func (c *Consumer) Process(ctx context.Context, m Message) error {
	_, span := tracer.Start(context.Background(), "process") // want `use ctx \(parameter of Process\) instead of context\.Background\(\) \(ctxprop/background\)`
	defer span.End()
	return c.process(ctx, m.Body)
}

// ProcessOK is the clean twin.
func (c *Consumer) ProcessOK(ctx context.Context, m Message) error {
	ctx, span := tracer.Start(ctx, "process")
	defer span.End()
	return c.process(ctx, m.Body)
}

// Reply injects into the headers of a reply: Inject takes the real context.
func (c *Consumer) Reply(ctx context.Context, m Message) Message {
	reply := Message{Headers: map[string]string{}}
	otel.GetTextMapPropagator().Inject(context.Background(), propagation.MapCarrier(reply.Headers)) // want `use ctx \(parameter of Reply\) instead of context\.Background\(\) \(ctxprop/background\)`
	return reply
}

// ReplyOK is the clean twin.
func (c *Consumer) ReplyOK(ctx context.Context, m Message) Message {
	reply := Message{Headers: map[string]string{}}
	otel.GetTextMapPropagator().Inject(ctx, propagation.MapCarrier(reply.Headers))
	return reply
}

// extractor has an Extract method but is no propagator.
type extractor struct{}

func (extractor) Extract(ctx context.Context, carrier propagation.TextMapCarrier) context.Context {
	return ctx
}

// NotAPropagator: an Extract method of an unrelated type is not exempt.
func (c *Consumer) NotAPropagator(ctx context.Context, m Message) error {
	mctx := extractor{}.Extract(context.Background(), propagation.MapCarrier(m.Headers)) // want `use ctx \(parameter of NotAPropagator\) instead of context\.Background\(\) \(ctxprop/background\)`
	return c.handle(mctx, m)
}
