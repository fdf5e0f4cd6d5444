// Command collectorconn sends its traces to a local collector over a gRPC
// connection it dials itself and shares with the exporter. That connection
// carries the telemetry: tracing it would trace every export, so it is not
// reported.
package main

import (
	"context"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func dialCollector(endpoint string) (*grpc.ClientConn, error) {
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, fmt.Errorf("dialing the collector at %s: %w", endpoint, err)
	}
	return conn, nil
}

func setUpTracing(ctx context.Context, conn *grpc.ClientConn) (func(context.Context) error, error) {
	exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithGRPCConn(conn))
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return tp.Shutdown, nil
}

func main() {
	ctx := context.Background()
	conn, err := dialCollector("localhost:4317")
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	shutdown, err := setUpTracing(ctx, conn)
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = shutdown(ctx) }()

	_, span := otel.Tracer("collectorconn").Start(ctx, "collectorconn.Run")
	span.End()
}
