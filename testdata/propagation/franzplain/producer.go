// Package franzplain builds a franz-go client without the kotel hooks.
package franzplain

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("franzplain")

// Producer publishes records.
type Producer struct{ cl *kgo.Client }

// New builds the client.
func New(seeds ...string) (*Producer, error) {
	cl, err := kgo.NewClient(kgo.SeedBrokers(seeds...))
	if err != nil {
		return nil, err
	}
	return &Producer{cl: cl}, nil
}

// Send publishes a record.
func (p *Producer) Send(ctx context.Context, v []byte) error {
	ctx, span := tracer.Start(ctx, "Send")
	defer span.End()
	return p.cl.ProduceSync(ctx, &kgo.Record{Topic: "t", Value: v}).FirstErr() // want `Kafka message published while ctx`
}
