package grpcserver

import (
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

// ServeAdmin has options, but none that traces.
func ServeAdmin(lis net.Listener) error {
	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{}), grpc.MaxRecvMsgSize(8<<20)) // want `gRPC server built without`
	return srv.Serve(lis)
}
