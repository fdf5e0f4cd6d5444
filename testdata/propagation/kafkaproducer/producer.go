// Package kafkaproducer publishes order events with kafka-go.
package kafkaproducer

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders/events")

// Publisher publishes order events.
type Publisher struct{ w *kafka.Writer }

// OrderPlaced publishes without injecting the trace context.
func (p *Publisher) OrderPlaced(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "OrderPlaced")
	defer span.End()
	body, _ := json.Marshal(map[string]string{"id": id})
	return p.w.WriteMessages(ctx, kafka.Message{Key: []byte(id), Value: body}) // want `Kafka message published while ctx \(parameter of OrderPlaced\) is in scope, but this package never injects`
}

// Flush publishes with no context in scope: ctxprop's business, not this rule's.
func (p *Publisher) Flush(msgs []kafka.Message) error {
	return p.w.WriteMessages(context.TODO(), msgs...)
}

// Run consumes the orders topic; its messages come from this package's
// producer, which does not inject, so the consumer is not reported too.
func Run(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		_, span := tracer.Start(ctx, "handle order")
		_ = m
		span.End()
	}
}
