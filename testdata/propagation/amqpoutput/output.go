// Package amqpoutput is a pipeline output that publishes each message to a
// RabbitMQ exchange, with static headers from its configuration. The
// writer holds those headers, but what it publishes never gets the trace
// context: the consumer's spans start a new trace.
package amqpoutput

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("amqpoutput")

// Config is the output's configuration.
type Config struct {
	Exchange   string
	Key        string
	Headers    amqp.Table
	Persistent bool
}

// Writer publishes to one exchange.
type Writer struct {
	cfg Config
	ch  *amqp.Channel
}

// Write publishes one message.
func (w *Writer) Write(ctx context.Context, body []byte) error {
	ctx, span := tracer.Start(ctx, "amqpoutput.write")
	defer span.End()
	headers := amqp.Table{}
	for k, v := range w.cfg.Headers {
		headers[k] = v
	}
	mode := amqp.Transient
	if w.cfg.Persistent {
		mode = amqp.Persistent
	}
	return w.ch.PublishWithContext(ctx, w.cfg.Exchange, w.cfg.Key, false, false, amqp.Publishing{ // want `RabbitMQ message published while ctx`
		Headers:      headers,
		DeliveryMode: mode,
		Body:         body,
	})
}
