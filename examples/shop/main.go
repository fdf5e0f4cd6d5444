// Command shop is a small instrumented order service: HTTP handlers over a
// SQL repository, a ticker worker that expires carts, and a consumer of
// payment events.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/consumer"
	"example.com/shop/orders"
	"example.com/shop/payments"
	"example.com/shop/telemetry"
	"example.com/shop/worker"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := telemetry.Init(ctx, "shop", "1.4.0")
	if err != nil {
		slog.Error("telemetry set-up failed", "error", err)
		os.Exit(1)
	}
	defer func() {
		// A fresh context: the signal context is already cancelled here.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := shutdown(ctx); err != nil {
			slog.Error("telemetry shutdown failed", "error", err)
		}
	}()

	db, err := sql.Open(os.Getenv("SHOP_DB_DRIVER"), os.Getenv("SHOP_DB_DSN"))
	if err != nil {
		slog.Error("open database", "error", err)
		os.Exit(1)
	}
	defer db.Close()

	repo := orders.NewRepository(db)
	pay := payments.NewClient(os.Getenv("PAYMENTS_URL"), http.DefaultClient)
	api := orders.NewHandler(repo, pay)

	go worker.New(repo, time.Minute).Run(ctx)
	go consumer.New(repo).Run(ctx, make(chan consumer.Message))

	srv := api.Server(":8080")
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Error("http server", "error", err)
	}
}
