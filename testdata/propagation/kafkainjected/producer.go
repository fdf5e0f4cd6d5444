// Package kafkainjected publishes with the trace context injected by a helper.
package kafkainjected

import (
	"context"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
)

// headers is a TextMapCarrier over kafka-go headers that replaces existing keys.
type headers struct{ h *[]kafka.Header }

func (c headers) Get(key string) string {
	for _, h := range *c.h {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

func (c headers) Set(key, value string) {
	for i, h := range *c.h {
		if h.Key == key {
			(*c.h)[i].Value = []byte(value)
			return
		}
	}
	*c.h = append(*c.h, kafka.Header{Key: key, Value: []byte(value)})
}

func (c headers) Keys() []string {
	keys := make([]string, 0, len(*c.h))
	for _, h := range *c.h {
		keys = append(keys, h.Key)
	}
	return keys
}

// Publish injects through a helper before writing.
func Publish(ctx context.Context, w *kafka.Writer, key, value []byte) error {
	msg := kafka.Message{Key: key, Value: value}
	withTrace(ctx, &msg)
	return w.WriteMessages(ctx, msg)
}

func withTrace(ctx context.Context, m *kafka.Message) {
	otel.GetTextMapPropagator().Inject(ctx, headers{&m.Headers})
}

// Consume extracts before starting its span.
func Consume(ctx context.Context, r *kafka.Reader) error {
	tracer := otel.Tracer("kafkainjected")
	m, err := r.FetchMessage(ctx)
	if err != nil {
		return err
	}
	mctx := otel.GetTextMapPropagator().Extract(ctx, headers{&m.Headers})
	_, span := tracer.Start(mctx, "consume")
	defer span.End()
	return r.CommitMessages(ctx, m)
}
