// Package saramaproducer builds its sarama producers and publishes audit events.
package saramaproducer

import (
	"context"

	"github.com/IBM/sarama"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("audit")

// Audit publishes audit events.
type Audit struct {
	sync  sarama.SyncProducer
	async sarama.AsyncProducer
}

// New builds the producers here, without an otel wrapper.
func New(brokers []string) (*Audit, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	sp, err := sarama.NewSyncProducer(brokers, cfg)
	if err != nil {
		return nil, err
	}
	ap, err := sarama.NewAsyncProducer(brokers, cfg)
	if err != nil {
		return nil, err
	}
	return &Audit{sync: sp, async: ap}, nil
}

// Record publishes synchronously.
func (a *Audit) Record(ctx context.Context, event string) error {
	_, span := tracer.Start(ctx, "Audit.Record")
	defer span.End()
	_, _, err := a.sync.SendMessage(&sarama.ProducerMessage{Topic: "audit", Value: sarama.StringEncoder(event)}) // want `Kafka message published while ctx \(parameter of Record\) is in scope`
	return err
}

// RecordAsync publishes through the async producer's input channel.
func (a *Audit) RecordAsync(ctx context.Context, event string) {
	a.async.Input() <- &sarama.ProducerMessage{Topic: "audit", Value: sarama.StringEncoder(event)} // want `Kafka message published while ctx`
}
