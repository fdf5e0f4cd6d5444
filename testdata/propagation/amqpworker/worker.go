// Package amqpworker consumes RabbitMQ deliveries.
package amqpworker

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("worker")

// Work handles deliveries, starting spans from the worker's context.
func Work(ctx context.Context, ch *amqp.Channel) error {
	deliveries, err := ch.ConsumeWithContext(ctx, "jobs", "worker", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range deliveries {
		jctx, span := tracer.Start(ctx, "job") // want `span started while handling RabbitMQ message d from a context not extracted`
		handle(jctx, d.Body)
		span.End()
		_ = d.Ack(false)
	}
	return nil
}

// WorkDerived derives a timeout context from the worker's, still not the message's.
func WorkDerived(ctx context.Context, deliveries <-chan amqp.Delivery) {
	for d := range deliveries {
		tctx, cancel := context.WithTimeout(ctx, 0)
		_, span := tracer.Start(tctx, "job") // want `span started while handling RabbitMQ message d`
		span.End()
		cancel()
		_ = d
	}
}

// WorkFromMessage gets its context from a function of another package given
// the message: the extraction may happen there.
func WorkFromMessage(ctx context.Context, deliveries <-chan amqp.Delivery, ctxOf func(context.Context, amqp.Table) context.Context) {
	for d := range deliveries {
		mctx := ctxOf(ctx, d.Headers)
		_, span := tracer.Start(mctx, "job")
		span.End()
	}
}

func handle(context.Context, []byte) {}
