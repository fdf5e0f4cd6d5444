package startup

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
)

// ServerConfig completes into the options of the gRPC server; the server
// itself is made by the caller's framework.
type ServerConfig struct{ MaxStreams uint32 }

// Options assembles the server's options and its metrics: it configures a
// server, which happens once, whatever context the serve command passes.
func (c *ServerConfig) Options(ctx context.Context) ([]grpc.ServerOption, error) {
	handled := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "grpc_handled_total"}, []string{"code"}) // ok: the server is configured once
	if err := prometheus.Register(handled); err != nil {
		return nil, err
	}
	return []grpc.ServerOption{grpc.MaxConcurrentStreams(c.MaxStreams)}, ctx.Err()
}
