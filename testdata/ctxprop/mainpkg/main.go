// Command mainpkg is a traced service's entry point: main and init are
// where contexts start; its other functions are checked.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var db *sql.DB

func init() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = ctx
}

func main() {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	defer tp.Shutdown(context.Background())
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go func() {
		_ = db.Ping()
		_ = serve(context.Background())
	}()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.TODO(), 5*time.Second)
	defer cancel()
	_ = sctx
}

// serve is an ordinary function of package main.
func serve(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "http://localhost/ready", nil) // want `http\.NewRequest cannot carry ctx \(parameter of serve\); call http\.NewRequestWithContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return db.PingContext(context.Background()) // want `use ctx \(parameter of serve\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// Server has a method named main: not the program's main.
type Server struct{}

func (Server) main(ctx context.Context) error {
	return db.PingContext(context.TODO()) // want `use ctx \(parameter of main\) instead of context\.TODO\(\) \(ctxprop/background\)`
}
