// Package grpcclients dials the services an API gateway calls.
package grpcclients

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var tracer = otel.Tracer("gateway/clients")

// DialInventory forgets the stats handler.
func DialInventory(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `gRPC client connection built without an OpenTelemetry stats handler`
}

// DialLegacy uses the deprecated Dial, with its options on several lines.
func DialLegacy(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	_, span := tracer.Start(ctx, "dial legacy")
	defer span.End()
	return grpc.DialContext(ctx, addr, // want `gRPC client connection built without`
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithBlock(),
	)
}

// DialPricing builds its options in a slice without a stats handler.
func DialPricing(addr string, tls bool) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithDefaultCallOptions(grpc.WaitForReady(true))}
	if !tls {
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	return grpc.NewClient(addr, opts...) // want `gRPC client connection built without`
}

// DialOrders is instrumented.
func DialOrders(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

// DialUsers appends the stats handler to its option slice.
func DialUsers(addr string) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	opts = append(opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	return grpc.NewClient(addr, opts...)
}

// DialWith takes its options from the caller, which may instrument them.
func DialWith(addr string, opts ...grpc.DialOption) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, opts...)
}

// DialAudit uses an interceptor: it may be a tracing one.
func DialAudit(addr string, retry grpc.UnaryClientInterceptor) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithChainUnaryInterceptor(retry))
}

// DialShared gets its options from a helper of the package.
func DialShared(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, defaultOptions()...)
}

// DialBilling adds an option built by a helper, which may trace.
func DialBilling(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()), tracingOption())
}

// DialReports hands its option slice to a helper that may extend it.
func DialReports(addr string) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	addTracing(&opts)
	return grpc.NewClient(addr, opts...)
}

func defaultOptions() []grpc.DialOption {
	return []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()),
	}
}

func tracingOption() grpc.DialOption { return grpc.WithStatsHandler(otelgrpc.NewClientHandler()) }

func addTracing(opts *[]grpc.DialOption) {
	*opts = append(*opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}
