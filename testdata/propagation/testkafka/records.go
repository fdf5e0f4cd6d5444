// Package testkafka is shared by the tests of the ingest path: it writes
// records to a throwaway broker. Its helpers take the test's handle; the
// records they produce are fixtures, no request's trace is at hand.
package testkafka

import (
	"context"
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("testkafka")

// Produce writes records for a test and fails it on error.
func Produce(ctx context.Context, t testing.TB, cl *kgo.Client, recs ...*kgo.Record) {
	t.Helper()
	if err := cl.ProduceSync(ctx, recs...).FirstErr(); err != nil {
		t.Fatalf("producing %d records: %v", len(recs), err)
	}
}

// ProduceAll writes one record per value; the closure is the test's too.
func ProduceAll(cl *kgo.Client, topic string, values [][]byte) func(t *testing.T) {
	return func(t *testing.T) {
		for _, v := range values {
			Produce(context.Background(), t, cl, &kgo.Record{Topic: topic, Value: v})
		}
	}
}

// NewRelay builds the client of Relay, without tracing hooks.
func NewRelay(seeds ...string) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(seeds...))
}

// Relay forwards records in production code that happens to live here:
// it is no test helper, and publishes without trace context.
func Relay(ctx context.Context, cl *kgo.Client, rec *kgo.Record) error {
	ctx, span := tracer.Start(ctx, "testkafka.Relay")
	defer span.End()
	return cl.ProduceSync(ctx, rec).FirstErr() // want `Kafka message published while ctx`
}
