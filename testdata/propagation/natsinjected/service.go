// Package natsinjected injects into NATS headers, and also publishes with
// Conn.Publish where the payload carries what it needs.
package natsinjected

import (
	"context"

	"github.com/nats-io/nats.go"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

// NotifyMsg publishes a message with the trace context in its header.
func NotifyMsg(ctx context.Context, nc *nats.Conn, user string) error {
	msg := nats.NewMsg("notify." + user)
	msg.Data = []byte("hi")
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(msg.Header))
	return nc.PublishMsg(msg)
}

// Envelope publishes a body that embeds the injected trace context.
func Envelope(ctx context.Context, nc *nats.Conn, body []byte) error {
	c := propagation.MapCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, c)
	return nc.Publish("envelopes", append([]byte(c.Get("traceparent")+"\n"), body...))
}
