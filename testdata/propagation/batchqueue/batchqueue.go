// Package batchqueue publishes batches of tasks to Kafka. The trace
// context is injected once into an empty carrier and its headers are
// shared by every message of the batch.
package batchqueue

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
)

// TaskCarrier adapts kafka headers to the propagation API. Its Set
// appends, which is safe here: every carrier this package injects into
// starts empty.
type TaskCarrier struct {
	Headers []kafka.Header
}

func (c *TaskCarrier) Get(key string) string {
	for _, h := range c.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

func (c *TaskCarrier) Set(key, value string) {
	c.Headers = append(c.Headers, kafka.Header{Key: key, Value: []byte(value)})
}

func (c *TaskCarrier) Keys() []string {
	keys := make([]string, 0, len(c.Headers))
	for _, h := range c.Headers {
		keys = append(keys, h.Key)
	}
	return keys
}

type Task struct {
	Kind    string `json:"kind"`
	Payload []byte `json:"payload"`
}

type Producer struct {
	w *kafka.Writer
}

// Submit publishes the tasks under the caller's trace.
func (p *Producer) Submit(ctx context.Context, key string, tasks []Task) error {
	carrier := TaskCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, &carrier)

	msgs := make([]kafka.Message, 0, len(tasks))
	for _, t := range tasks {
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		msgs = append(msgs, kafka.Message{Key: []byte(key), Value: b, Headers: carrier.Headers})
	}
	return p.w.WriteMessages(ctx, msgs...)
}

// SubmitOne publishes a single task; the carrier is born in the call.
func (p *Producer) SubmitOne(ctx context.Context, key string, t Task) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	c := &TaskCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, c)
	return p.w.WriteMessages(ctx, kafka.Message{Key: []byte(key), Value: b, Headers: c.Headers})
}

// Receive continues the producer's trace; extraction only reads.
func Receive(ctx context.Context, m kafka.Message) (context.Context, Task, error) {
	ctx = otel.GetTextMapPropagator().Extract(ctx, &TaskCarrier{Headers: m.Headers})
	var t Task
	err := json.Unmarshal(m.Value, &t)
	return ctx, t, err
}
