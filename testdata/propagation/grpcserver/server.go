// Package grpcserver builds the gRPC servers of a worker service.
package grpcserver

import (
	"log/slog"
	"net"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
)

var tracer = otel.Tracer("worker/grpc")

// Serve builds a server without a stats handler.
func Serve(lis net.Listener) error {
	srv := grpc.NewServer() // want `gRPC server built without an OpenTelemetry stats handler`
	return srv.Serve(lis)
}

// ServeInstrumented has the stats handler.
func ServeInstrumented(lis net.Listener) error {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	return srv.Serve(lis)
}

// ServeIntercepted chains interceptors, one of which may trace.
func ServeIntercepted(lis net.Listener, logging grpc.UnaryServerInterceptor) error {
	srv := grpc.NewServer(grpc.ChainUnaryInterceptor(logging))
	slog.Info("serving")
	return srv.Serve(lis)
}

// ServeWith takes its options from the caller.
func ServeWith(lis net.Listener, opts ...grpc.ServerOption) error {
	return grpc.NewServer(opts...).Serve(lis)
}

// ServeConfigured builds its options from a helper.
func ServeConfigured(lis net.Listener) error {
	return grpc.NewServer(serverOptions()...).Serve(lis)
}

func serverOptions() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())}
}
