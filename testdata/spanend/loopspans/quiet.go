package loopspans

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Replicate writes to the configured backends: their number is fixed by
// the deployment, not by the request.
func (s *Store) Replicate(ctx context.Context, o Order) error {
	ctx, span := tracer.Start(ctx, "Store.Replicate")
	defer span.End()
	for _, b := range s.backends {
		bctx, bs := tracer.Start(ctx, "backend.Put")
		err := b.Put(bctx, o)
		bs.End()
		if err != nil {
			return err
		}
	}
	return nil
}

// Mirror writes to the primary and the replica.
func (s *Store) Mirror(ctx context.Context, o Order) {
	ctx, span := tracer.Start(ctx, "Store.Mirror")
	defer span.End()
	for _, target := range []string{"primary", "replica"} {
		_, ts := tracer.Start(ctx, "mirror."+target)
		ts.End()
	}
}

// SaveWithRetry tries three times.
func (s *Store) SaveWithRetry(ctx context.Context, o Order) error {
	ctx, span := tracer.Start(ctx, "Store.SaveWithRetry")
	defer span.End()
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		actx, as := tracer.Start(ctx, "attempt")
		as.SetAttributes(attribute.Int("attempt", attempt))
		err = s.save(actx, o)
		as.End()
		if err == nil {
			return nil
		}
	}
	return err
}

// Warm touches each of the four cache shards.
func Warm(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "Warm")
	defer span.End()
	var shards [4]string
	for i := range shards {
		_, s := tracer.Start(ctx, "warmShard")
		s.SetAttributes(attribute.Int("shard", i))
		s.End()
	}
	for range 2 {
		_, s := tracer.Start(ctx, "ping")
		s.End()
	}
}

type Message struct {
	Headers map[string]string
	Body    []byte
}

// Consume continues each message's own trace: the span is the consumer
// side of the producer's trace, not a child of the poll.
func Consume(ctx context.Context, batch []Message) {
	ctx, span := tracer.Start(ctx, "Consume")
	defer span.End()
	prop := propagation.TraceContext{}
	for _, m := range batch {
		mctx := prop.Extract(ctx, propagation.MapCarrier(m.Headers))
		_, ms := tracer.Start(mctx, "process", trace.WithSpanKind(trace.SpanKindConsumer))
		ms.End()
	}
}

// ConsumeLinked gives each message a root span linked to the poll.
func ConsumeLinked(ctx context.Context, batch []Message) {
	ctx, span := tracer.Start(ctx, "ConsumeLinked")
	defer span.End()
	for range batch {
		_, ms := tracer.Start(context.Background(), "process", trace.WithLinks(trace.LinkFromContext(ctx)))
		ms.End()
	}
}

// FanOut hands each order to its own goroutine.
func (s *Store) FanOut(ctx context.Context, orders []Order) {
	ctx, span := tracer.Start(ctx, "Store.FanOut")
	defer span.End()
	done := make(chan error, len(orders))
	for _, o := range orders {
		octx, os := tracer.Start(ctx, "dispatch")
		go func(o Order) {
			defer os.End()
			done <- s.save(octx, o)
		}(o)
	}
	for range orders {
		<-done
	}
}

// Flush sends the orders in batches of 100: a span per batch.
func (s *Store) Flush(ctx context.Context, orders []Order) {
	ctx, span := tracer.Start(ctx, "Store.Flush")
	defer span.End()
	for _, b := range chunk(orders, 100) {
		_, bs := tracer.Start(ctx, "flushBatch")
		bs.SetAttributes(attribute.Int("batch.size", len(b)))
		bs.End()
	}
}

func chunk(orders []Order, n int) [][]Order {
	var out [][]Order
	for len(orders) > n {
		out, orders = append(out, orders[:n]), orders[n:]
	}
	return append(out, orders)
}

// Reindex has no span of its own: each order's span is a root or a child
// of whoever called it.
func (s *Store) Reindex(ctx context.Context, orders []Order) {
	for _, o := range orders {
		octx, os := tracer.Start(ctx, "reindex")
		_ = s.save(octx, o)
		os.End()
	}
}

// Poll is a worker's loop: each poll is one unit of work.
func Poll(ctx context.Context, next func() (Order, bool)) {
	ctx, span := tracer.Start(ctx, "Poll")
	span.End()
	for {
		_, ps := tracer.Start(ctx, "poll")
		o, ok := next()
		ps.End()
		if !ok {
			return
		}
		_ = o
		time.Sleep(time.Second)
	}
}

var _ = otel.GetTracerProvider
