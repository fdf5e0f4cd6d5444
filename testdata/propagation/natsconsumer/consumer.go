// Package natsconsumer subscribes to notifications.
package natsconsumer

import (
	"context"

	"github.com/nats-io/nats.go"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("notify/consumer")

// Subscribe starts each message's span from a fresh root.
func Subscribe(nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("notify.*", func(m *nats.Msg) {
		_, span := tracer.Start(context.Background(), "notification") // want `span started while handling NATS message m .*propagation.HeaderCarrier\(m.Header\)`
		defer span.End()
	})
}

// Handle is called with a context its caller built for the message.
func Handle(ctx context.Context, m *nats.Msg) {
	_, span := tracer.Start(ctx, "handle")
	defer span.End()
	_ = m.Data
}

// Prepare builds a message to send later: it is not a received one.
func Prepare(ctx context.Context) *nats.Msg {
	_, span := tracer.Start(ctx, "prepare")
	defer span.End()
	m := nats.NewMsg("out")
	m.Data = []byte("x")
	return m
}
