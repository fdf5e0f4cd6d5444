package convention

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// connectCollector dials the telemetry collector without waiting: the
// connection comes up in the background, so DialContext's context would
// govern nothing.
func connectCollector(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return grpc.Dial(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// connectInventory waits for the inventory service: the dial blocks, and
// the caller's context should bound the wait.
func connectInventory(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.Dial(addr, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock()) // want `grpc\.Dial cannot carry ctx \(parameter of connectInventory\); call grpc\.DialContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}
