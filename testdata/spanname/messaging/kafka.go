// Package messaging publishes and consumes order events, propagating the
// trace through message headers as the guide shows.
package messaging

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

type Message struct {
	ID        string
	Topic     string
	Key       []byte
	Partition int
	Headers   map[string]string
	Value     []byte
}

type Writer interface {
	WriteMessages(ctx context.Context, msgs ...Message) error
}

type Producer struct {
	w Writer
}

// PublishEvent is the guide's producer.
func (p *Producer) PublishEvent(ctx context.Context, topic string, event []byte) error {
	tracer := otel.Tracer("kafka-producer")
	ctx, span := tracer.Start(ctx, "kafka.publish", trace.WithSpanKind(trace.SpanKindProducer))
	defer span.End()
	msg := Message{Topic: topic, Value: event, Headers: map[string]string{}}
	otel.GetTextMapPropagator().Inject(ctx, propagation.MapCarrier(msg.Headers))
	return p.w.WriteMessages(ctx, msg)
}

// Publish follows the messaging semantic conventions: "<destination> publish".
func (p *Producer) Publish(ctx context.Context, topic string, event []byte) error {
	ctx, span := otel.Tracer("kafka-producer").Start(ctx, topic+" publish")
	defer span.End()
	return p.w.WriteMessages(ctx, Message{Topic: topic, Value: event})
}

func (p *Producer) PublishOrderCreated(ctx context.Context, event []byte) error {
	ctx, span := otel.Tracer("kafka-producer").Start(ctx, "orders.created publish")
	defer span.End()
	return p.w.WriteMessages(ctx, Message{Topic: "orders.created", Value: event})
}

func (p *Producer) PublishWithKey(ctx context.Context, event []byte) error {
	key := uuid.NewString()
	ctx, span := otel.Tracer("kafka-producer").Start(ctx, "orders publish "+key) // want `^span name is built from uuid\.NewString\(\) \(a UUID\), which has unbounded cardinality; use a fixed name such as "orders publish" and record uuid\.NewString\(\) as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	return p.w.WriteMessages(ctx, Message{Topic: "orders", Key: []byte(key), Value: event})
}

func (p *Producer) PublishBatch(ctx context.Context, batch [][]byte) error {
	batchID := uuid.New()
	ctx, span := otel.Tracer("kafka-producer").Start(ctx, fmt.Sprintf("Orders.PublishBatch-%s", batchID)) // want `^span name is built from batchID \(a UUID\), which has unbounded cardinality; use a fixed name such as "Orders\.PublishBatch" and record batchID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	span.SetAttributes(attribute.String("messaging.batch.id", batchID.String()))
	return nil
}

type Consumer struct {
	tracer trace.Tracer
}

// ConsumeEvent is the guide's consumer.
func (c *Consumer) ConsumeEvent(msg Message) error {
	ctx := otel.GetTextMapPropagator().Extract(context.Background(), propagation.MapCarrier(msg.Headers))
	ctx, span := c.tracer.Start(ctx, "kafka.consume", trace.WithSpanKind(trace.SpanKindConsumer))
	defer span.End()
	span.SetAttributes(
		attribute.String("messaging.system", "kafka"),
		attribute.String("messaging.destination", msg.Topic),
		attribute.Int("messaging.partition", msg.Partition),
	)
	return c.handle(ctx, msg)
}

func (c *Consumer) handle(ctx context.Context, msg Message) error {
	_, span := c.tracer.Start(ctx, "handle") // want `^span name "handle" is a generic placeholder .* for Consumer in package messaging, .* \(spanname/function-style\)$`
	defer span.End()
	_, span2 := c.tracer.Start(ctx, msg.Topic+" process")
	defer span2.End()
	return nil
}

func (c *Consumer) Process(ctx context.Context, msg Message) error {
	_, span := c.tracer.Start(ctx, "OrderEvents.Process "+msg.ID) // want `^span name is built from msg\.ID \(an ID\), which has unbounded cardinality; use a fixed name such as "OrderEvents\.Process" and record msg\.ID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	_, span2 := c.tracer.Start(ctx, "kafka consume") // want `^span name "kafka consume" differs from "kafka\.consume" \(started at kafka\.go:78\) only in letter case or separators: .* \(spanname/duplicate\)$`
	defer span2.End()
	return nil
}

// Receive names spans for the queue it reads: a bounded set of
// destinations.
func (c *Consumer) Receive(ctx context.Context, queue string) {
	_, span := c.tracer.Start(ctx, queue+" receive")
	defer span.End()
}

func (c *Consumer) Settle(ctx context.Context, msg Message) {
	_, span := c.tracer.Start(ctx, "orders settle")
	defer span.End()
	// A partition number has bounded cardinality.
	_, span2 := c.tracer.Start(ctx, fmt.Sprintf("orders-%d settle", msg.Partition))
	defer span2.End()
}

type OrderCreated struct{ OrderID string }

type OrderCancelled struct{ OrderID string }

// Dispatch names the span after the event's type: one name per type.
func (c *Consumer) Dispatch(ctx context.Context, event any) {
	_, span := c.tracer.Start(ctx, fmt.Sprintf("OrderEvents.Handle%T", event))
	defer span.End()
	switch e := event.(type) {
	case OrderCreated:
		_, s2 := c.tracer.Start(ctx, "OrderEvents.Created."+e.OrderID) // want `^span name is built from e\.OrderID \(an ID\), which has unbounded cardinality; use a fixed name such as "OrderEvents\.Created" and record e\.OrderID as a span attribute \(spanname/dynamic\)$`
		defer s2.End()
	case OrderCancelled:
		_, s2 := c.tracer.Start(ctx, "OrderEvents.Cancelled")
		defer s2.End()
	}
}
