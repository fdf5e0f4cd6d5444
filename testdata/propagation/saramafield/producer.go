// Package saramafield publishes through a producer built elsewhere (maybe
// wrapped by otelsarama there): not reported.
package saramafield

import (
	"context"

	"github.com/IBM/sarama"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("saramafield")

// Emitter publishes through a producer it is given.
type Emitter struct{ P sarama.SyncProducer }

// Emit publishes an event.
func (e *Emitter) Emit(ctx context.Context, v string) error {
	_, span := tracer.Start(ctx, "Emit")
	defer span.End()
	_, _, err := e.P.SendMessage(&sarama.ProducerMessage{Topic: "events", Value: sarama.StringEncoder(v)})
	return err
}
