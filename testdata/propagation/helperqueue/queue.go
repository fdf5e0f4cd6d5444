// Package helperqueue carries the trace context in its message body through
// the service's telemetry package: nothing to report.
package helperqueue

import (
	"context"
	"encoding/json"

	amqp "github.com/rabbitmq/amqp091-go"
	"go.opentelemetry.io/otel"

	"propagation.test/telemetry"
)

var tracer = otel.Tracer("helperqueue")

type envelope struct {
	Carrier map[string]string `json:"carrier"`
	Payload []byte            `json:"payload"`
}

// Send puts the trace context into the body.
func Send(ctx context.Context, ch *amqp.Channel, payload []byte) error {
	ctx, span := tracer.Start(ctx, "Send")
	defer span.End()
	body, err := json.Marshal(envelope{Carrier: telemetry.Carrier(ctx), Payload: payload})
	if err != nil {
		return err
	}
	return ch.PublishWithContext(ctx, "", "tasks", false, false, amqp.Publishing{Body: body})
}

// Receive continues the trace from the body.
func Receive(ctx context.Context, deliveries <-chan amqp.Delivery) {
	for d := range deliveries {
		var env envelope
		if json.Unmarshal(d.Body, &env) != nil {
			continue
		}
		_, span := telemetry.StartFromCarrier(ctx, "Receive", env.Carrier)
		span.End()
		_, child := tracer.Start(ctx, "ack")
		_ = d.Ack(false)
		child.End()
	}
}
