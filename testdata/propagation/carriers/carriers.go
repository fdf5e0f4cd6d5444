// Package carriers holds hand-written TextMapCarriers over message headers.
package carriers

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
)

// KafkaCarrier appends blindly and lists no keys.
type KafkaCarrier struct{ msg *kafka.Message }

func (c KafkaCarrier) Get(key string) string {
	for _, h := range c.msg.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

func (c KafkaCarrier) Set(key, value string) { // want `Set of carrier KafkaCarrier appends a header without replacing`
	c.msg.Headers = append(c.msg.Headers, kafka.Header{Key: key, Value: []byte(value)})
}

func (c KafkaCarrier) Keys() []string { return nil } // want `Keys of carrier KafkaCarrier returns nil`

// SaramaCarrier removes an existing key before appending, and lists keys.
type SaramaCarrier struct{ msg *sarama.ProducerMessage }

func (c SaramaCarrier) Get(key string) string {
	for _, h := range c.msg.Headers {
		if string(h.Key) == key {
			return string(h.Value)
		}
	}
	return ""
}

func (c SaramaCarrier) Set(key, value string) {
	for i := 0; i < len(c.msg.Headers); i++ {
		if string(c.msg.Headers[i].Key) == key {
			c.msg.Headers = append(c.msg.Headers[:i], c.msg.Headers[i+1:]...)
			i--
		}
	}
	c.msg.Headers = append(c.msg.Headers, sarama.RecordHeader{Key: []byte(key), Value: []byte(value)})
}

func (c SaramaCarrier) Keys() []string {
	out := make([]string, len(c.msg.Headers))
	for i, h := range c.msg.Headers {
		out[i] = string(h.Key)
	}
	return out
}

// HeadersCarrier de-duplicates through a helper.
type HeadersCarrier []kafka.Header

func (c *HeadersCarrier) Get(key string) string { return "" }

func (c *HeadersCarrier) Set(key, value string) {
	c.del(key)
	*c = append(*c, kafka.Header{Key: key, Value: []byte(value)})
}

func (c *HeadersCarrier) Keys() []string {
	keys := []string{}
	for _, h := range *c {
		keys = append(keys, h.Key)
	}
	return keys
}

func (c *HeadersCarrier) del(key string) {}

// Tags is not a carrier over message headers: a Keys returning nil is its own business.
type Tags map[string]string

func (t Tags) Get(k string) string { return t[k] }
func (t Tags) Set(k, v string)     { t[k] = v }
func (t Tags) Keys() []string      { return nil }

// Inject uses the carrier.
func Inject(ctx context.Context, m *kafka.Message) {
	otel.GetTextMapPropagator().Inject(ctx, KafkaCarrier{m})
}

// KafkaHeadersCarrier works on a message's header list (kafka.Header is an alias
// of kafka-go's protocol.Header) and appends blindly too.
type KafkaHeadersCarrier struct{ headers *[]kafka.Header }

func (c KafkaHeadersCarrier) Get(key string) string {
	for _, h := range *c.headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

func (c KafkaHeadersCarrier) Set(key, value string) { // want `Set of carrier KafkaHeadersCarrier appends a header without replacing`
	*c.headers = append(*c.headers, kafka.Header{Key: key, Value: []byte(value)})
}

func (c KafkaHeadersCarrier) Keys() []string {
	keys := make([]string, 0, len(*c.headers))
	for _, h := range *c.headers {
		keys = append(keys, h.Key)
	}
	return keys
}
