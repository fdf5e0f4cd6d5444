// Package typeerrors does not type-check. golangci-lint hands such packages
// to analyzers with partial type information; none may panic.
package typeerrors

import (
	"context"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var tracer = otel.Tracer("broken")

func Handle(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), undefinedName)
	span.SetAttributes(attribute.String("user.password", missing.Password))
	slog.Info("hello", "user", notDeclared)
	counter, _ := otel.Meter("m").Int64Counter(nameVar)
	counter.Add(ctx, 1, metric.WithAttributes(attribute.String("user_id", r.UserID)))
	go work(context.Background(), undefinedArg)
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	otel.SetTracerProvider(tp)
	var n int = "string"
	_ = n
	span.End()
}

func work(ctx context.Context, x int) {
	_, s := tracer.Start(ctx, 42)
	s.UnknownMethod()
}

// Serve hands the server a router that does not exist and calls a client
// with a request that does not type-check.
func Serve(ctx context.Context) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", undefinedHandler)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, missingURL, nil)
	_, _ = http.DefaultClient.Do(req, extraArg)
	srv := &http.Server{Handler: undefinedRouter}
	_ = srv
	return http.ListenAndServe(":8080", mux.Missing())
}

// brokenCarrier has Keys returning nil over an undefined header type.
type brokenCarrier struct{ h *undefinedHeaders }

func (c brokenCarrier) Get(k string) string { return "" }
func (c brokenCarrier) Set(k, v string)     { c.h = append(c.h, k) }
func (c brokenCarrier) Keys() []string      { return nil }
