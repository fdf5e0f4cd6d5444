package kafkaproducer

import (
	"context"
	"testing"

	"github.com/segmentio/kafka-go"
)

// Tests publish without trace context: not reported.
func TestPublish(t *testing.T) {
	w := &kafka.Writer{}
	ctx := context.Background()
	_ = w.WriteMessages(ctx, kafka.Message{Value: []byte("x")})
}
