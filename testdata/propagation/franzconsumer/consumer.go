// Package franzconsumer polls records from a client it is given.
package franzconsumer

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("franzconsumer")

// Poll starts each record's span from the poll loop's context.
func Poll(ctx context.Context, cl *kgo.Client) {
	fetches := cl.PollFetches(ctx)
	fetches.EachRecord(func(r *kgo.Record) {
		_, span := tracer.Start(ctx, "process record") // want `span started while handling Kafka message r .*kotel.NewRecordCarrier\(r\)`
		defer span.End()
	})
}

// PollHooked uses the context kotel's hooks stored in the record.
func PollHooked(ctx context.Context, cl *kgo.Client) {
	iter := cl.PollFetches(ctx).RecordIter()
	for !iter.Done() {
		rec := iter.Next()
		_, span := tracer.Start(rec.Context, "process record")
		span.End()
	}
}
