// Package saramaconsumer is a consumer group handler.
package saramaconsumer

import (
	"context"

	"github.com/IBM/sarama"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("billing/consumer")

// Handler handles billing events.
type Handler struct {
	process func(context.Context, []byte) error
}

func (h *Handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (h *Handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

// ConsumeClaim starts each message's span from the session context.
func (h *Handler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		ctx, span := tracer.Start(sess.Context(), "billing event") // want `span started while handling Kafka message msg from a context not extracted from its headers`
		if err := h.process(ctx, msg.Value); err != nil {
			span.RecordError(err)
		}
		inner(ctx, msg)
		span.End()
		sess.MarkMessage(msg, "")
	}
	return nil
}

// inner receives the context with the message from its caller: the caller
// is where the extraction belongs.
func inner(ctx context.Context, msg *sarama.ConsumerMessage) {
	_, span := tracer.Start(ctx, "inner")
	defer span.End()
	_ = msg
}

// ConsumeBatch links a batch span to the messages instead of parenting it.
func (h *Handler) ConsumeBatch(ctx context.Context, msgs []*sarama.ConsumerMessage, links []trace.Link) {
	for _, msg := range msgs {
		_, span := tracer.Start(ctx, "batch item", trace.WithLinks(links...))
		_ = msg
		span.End()
	}
}

// Nested starts a child of the message span: only the outer one is reported.
func (h *Handler) Nested(ctx context.Context, claim sarama.ConsumerGroupClaim) {
	for msg := range claim.Messages() {
		mctx, span := tracer.Start(context.Background(), "outer") // want `span started while handling Kafka message msg`
		_, child := tracer.Start(mctx, "child")
		child.End()
		span.End()
		_ = msg
	}
}
