// Package retryqueue moves failed jobs to a retry topic. A job re-published
// from a consumed message already carries the trace headers of its first
// attempt.
package retryqueue

import (
	"context"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
)

// JobCarrier adapts kafka headers to the propagation API.
type JobCarrier struct {
	Headers []kafka.Header
}

func (c *JobCarrier) Get(key string) string {
	for _, h := range c.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

func (c *JobCarrier) Set(key, value string) { // want `Set of carrier JobCarrier appends a header without replacing`
	c.Headers = append(c.Headers, kafka.Header{Key: key, Value: []byte(value)})
}

func (c *JobCarrier) Keys() []string {
	keys := make([]string, 0, len(c.Headers))
	for _, h := range c.Headers {
		keys = append(keys, h.Key)
	}
	return keys
}

type Retrier struct {
	w *kafka.Writer
}

// Enqueue publishes a new job.
func (r *Retrier) Enqueue(ctx context.Context, body []byte) error {
	c := JobCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, &c)
	return r.w.WriteMessages(ctx, kafka.Message{Value: body, Headers: c.Headers})
}

// Retry re-publishes a consumed job under the retry span: the carrier
// starts from the job's own headers, so a second traceparent is appended.
func (r *Retrier) Retry(ctx context.Context, failed kafka.Message) error {
	c := JobCarrier{Headers: failed.Headers}
	otel.GetTextMapPropagator().Inject(ctx, &c)
	return r.w.WriteMessages(ctx, kafka.Message{Key: failed.Key, Value: failed.Value, Headers: c.Headers})
}
