// Package deps pins every third-party API the propagation testdata uses, so
// that `go mod tidy` keeps them in go.mod and go.sum.
package deps

import (
	_ "github.com/IBM/sarama"
	_ "github.com/gorilla/mux"
	_ "github.com/nats-io/nats.go"
	_ "github.com/rabbitmq/amqp091-go"
	_ "github.com/segmentio/kafka-go"
	_ "github.com/twmb/franz-go/pkg/kgo"
	_ "github.com/twmb/franz-go/plugin/kotel"
	_ "go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	_ "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/propagation"
	_ "go.opentelemetry.io/otel/sdk/trace"
	_ "go.opentelemetry.io/otel/trace"
	_ "google.golang.org/grpc"
	_ "google.golang.org/grpc/credentials/insecure"
)
