// Package edgeproxy forwards calls to an upstream service. Tracing the
// upstream connection is the configuration's choice; the proxy's own
// server has no such choice and is simply built bare, so the trace of an
// incoming call stops at it.
package edgeproxy

import (
	"context"
	"net"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Config is the proxy's configuration.
type Config struct {
	Upstream      string
	TraceUpstream bool
}

var tracer = otel.Tracer("edgeproxy")

// Dial connects to the upstream service.
func Dial(cfg Config) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if cfg.TraceUpstream {
		opts = append(opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	}
	return grpc.NewClient(cfg.Upstream, opts...)
}

// Serve serves the proxy's clients.
func Serve(lis net.Listener) error {
	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(16 << 20)}
	srv := grpc.NewServer(opts...) // want `^gRPC server built without an OpenTelemetry stats handler or interceptor: the trace context of incoming calls is ignored`
	return srv.Serve(lis)
}

// Forward forwards one call.
func Forward(ctx context.Context, method string) error {
	_, span := tracer.Start(ctx, "edgeproxy.forward")
	_ = method
	defer span.End()
	return nil
}
