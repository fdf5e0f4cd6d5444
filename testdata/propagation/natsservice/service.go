// Package natsservice publishes notifications over NATS.
package natsservice

import (
	"context"

	"github.com/nats-io/nats.go"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("notify")

// Notify publishes with Conn.Publish, which has no headers to carry a trace.
func Notify(ctx context.Context, nc *nats.Conn, user string) error {
	_, span := tracer.Start(ctx, "Notify")
	defer span.End()
	return nc.Publish("notify."+user, []byte("hi")) // want `NATS message published with Conn.Publish, which cannot carry headers, while ctx \(parameter of Notify\) is in scope.*use PublishMsg`
}

// Heartbeat has no context in scope.
func Heartbeat(nc *nats.Conn) error {
	return nc.Publish("heartbeat", nil)
}
