// Command flagcli evaluates a feature flag against a running server, from a
// terminal. The program also serves (with otelgrpc), but its evaluate
// command starts no span: the client it builds for the command has no
// trace to carry, and is not reported.
package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"os"

	"github.com/spf13/cobra"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type evaluateCommand struct {
	address string
}

func (c *evaluateCommand) run(cmd *cobra.Command, args []string) error {
	conn, err := dial(c.address)
	if err != nil {
		return err
	}
	defer conn.Close()
	fmt.Fprintln(cmd.OutOrStdout(), "connected to", conn.Target())
	return nil
}

// dial is only called by the evaluate command.
func dial(address string) (*grpc.ClientConn, error) {
	return grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// forward runs inside the server and calls another service: it is
// reported.
func forward(ctx context.Context, address string) error {
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `gRPC client connection built without an OpenTelemetry stats handler or interceptor`
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = ctx
	return nil
}

func serve(ctx context.Context) error {
	lis, err := net.Listen("tcp", ":9000")
	if err != nil {
		return err
	}
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	go func() { _ = forward(ctx, "upstream:9000") }()
	return srv.Serve(lis)
}

func main() {
	eval := &evaluateCommand{}
	root := &cobra.Command{Use: "flagcli"}
	evalCmd := &cobra.Command{Use: "evaluate", RunE: eval.run}
	evalCmd.Flags().StringVar(&eval.address, "address", "localhost:9000", "server address")
	serveCmd := &cobra.Command{Use: "serve", RunE: func(cmd *cobra.Command, args []string) error { return serve(cmd.Context()) }}
	root.AddCommand(evalCmd, serveCmd)
	if err := root.Execute(); err != nil {
		log.Println(err)
		os.Exit(1)
	}
}
