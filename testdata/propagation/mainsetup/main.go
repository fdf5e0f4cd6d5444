// Command mainsetup seeds a topic at start-up: set-up code, not a request path.
package main

import (
	"context"
	"log"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
)

func main() {
	ctx := context.Background()
	_, span := otel.Tracer("seed").Start(ctx, "seed")
	defer span.End()
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "seed"}
	if err := w.WriteMessages(ctx, kafka.Message{Value: []byte("start")}); err != nil {
		log.Fatal(err)
	}
}
