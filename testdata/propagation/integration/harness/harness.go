// Package harness starts the service under test and talks to it over
// gRPC, as the integration suite's clients. It is test support: the
// connections it dials carry the test's calls, not a request's trace.
package harness

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var tracer = otel.Tracer("integration")

// Harness is one running service.
type Harness struct {
	Endpoint string
}

// Dial opens a client connection to the service.
func (h *Harness) Dial() (*grpc.ClientConn, error) {
	return grpc.NewClient(h.Endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// MustDial opens a connection and fails the test on error.
func (h *Harness) MustDial(t testing.TB) *grpc.ClientConn {
	conn, err := h.Dial()
	if err != nil {
		t.Fatalf("dial %s: %v", h.Endpoint, err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// WaitReady polls until the service answers.
func (h *Harness) WaitReady(ctx context.Context, t testing.TB) {
	ctx, span := tracer.Start(ctx, "harness.WaitReady")
	defer span.End()
	conn := h.MustDial(t)
	_ = conn.Connect
	<-ctx.Done()
}
