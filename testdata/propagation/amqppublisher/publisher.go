// Package amqppublisher publishes jobs to RabbitMQ.
package amqppublisher

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("publisher")

// Enqueue publishes a job without trace headers.
func Enqueue(ctx context.Context, ch *amqp.Channel, body []byte) error {
	ctx, span := tracer.Start(ctx, "Enqueue")
	defer span.End()
	return ch.PublishWithContext(ctx, "", "jobs", false, false, amqp.Publishing{Body: body}) // want `RabbitMQ message published while ctx`
}

// Reply answers an RPC: the delivery it answers is in scope, the reply
// itself is built here and published, so it is not a received message.
func Reply(ctx context.Context, ch *amqp.Channel, d amqp.Delivery) error {
	out := amqp.Publishing{CorrelationId: d.CorrelationId, Body: []byte("ok")}
	return ch.PublishWithContext(ctx, "", d.ReplyTo, false, false, out) // want `RabbitMQ message published while ctx`
}
