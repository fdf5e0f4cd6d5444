// Package consumer processes payment events from a message broker.
package consumer

import (
	"context"
	"log/slog"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/shop/consumer")

// Message is a broker message with W3C trace headers.
type Message struct {
	Topic   string
	Key     string
	Headers map[string]string
	Value   []byte
}

// Payer is what the consumer needs from the order repository.
type Payer interface {
	MarkPaid(ctx context.Context, id string) error
}

// Consumer marks orders paid when payment events arrive.
type Consumer struct {
	repo Payer
	prop propagation.TextMapPropagator
}

// New returns a Consumer.
func New(repo Payer) *Consumer {
	return &Consumer{repo: repo, prop: propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})}
}

// Run consumes messages until ctx is cancelled.
func (c *Consumer) Run(ctx context.Context, msgs <-chan Message) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-msgs:
			c.handle(m)
		}
	}
}

// handle continues the producer's trace from the message headers.
func (c *Consumer) handle(m Message) {
	ctx := c.prop.Extract(context.Background(), propagation.MapCarrier(m.Headers))
	ctx, span := tracer.Start(ctx, "payments.events process", trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithAttributes(attribute.String("messaging.destination.name", m.Topic)))
	defer span.End()

	if err := c.repo.MarkPaid(ctx, m.Key); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		slog.ErrorContext(ctx, "marking order paid failed", "order_id", m.Key, "error", err)
	}
}
