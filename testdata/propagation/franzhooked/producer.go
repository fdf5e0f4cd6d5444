// Package franzhooked builds its franz-go client with the kotel hooks, which
// inject into every produced record.
package franzhooked

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/plugin/kotel"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("franzhooked")

// New builds a traced client.
func New(seeds ...string) (*kgo.Client, error) {
	k := kotel.NewKotel(kotel.WithTracer(kotel.NewTracer()))
	return kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.WithHooks(k.Hooks()...))
}

// Send publishes a record; kotel injects.
func Send(ctx context.Context, cl *kgo.Client, v []byte) error {
	ctx, span := tracer.Start(ctx, "Send")
	defer span.End()
	return cl.ProduceSync(ctx, &kgo.Record{Topic: "t", Value: v}).FirstErr()
}
