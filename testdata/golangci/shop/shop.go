// Package shop is the fixture of scripts/golangci-integration.sh: each
// function holds one OpenTelemetry instrumentation mistake that an otellint
// rule is meant to report. suppressed.go repeats them under //nolint:otellint.
package shop

import (
	"context"
	"fmt"
	"log/slog"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var tracer = otel.Tracer("shop")

// Checkout never ends its span (spanend).
func Checkout(ctx context.Context, orderID string) error {
	ctx, span := tracer.Start(ctx, "checkout")
	span.SetAttributes(attribute.Int("items", 3))
	return charge(ctx, orderID)
}

// charge discards the span it starts (spanend).
func charge(ctx context.Context, orderID string) error {
	ctx, _ = tracer.Start(ctx, "charge")
	if orderID == "" {
		return fmt.Errorf("charge %s: empty order", orderID)
	}
	return ctx.Err()
}

// Refund starts its span from a fresh context instead of ctx (ctxprop).
func Refund(ctx context.Context, orderID string) {
	_, span := tracer.Start(context.Background(), "refund")
	defer span.End()
	_ = ctx
}

// Lookup names its span after a request value (spanname).
func Lookup(ctx context.Context, sku string) {
	_, span := tracer.Start(ctx, fmt.Sprintf("lookup %s", sku))
	defer span.End()
}

// CountOrder puts a user ID on a metric (cardinality).
func CountOrder(ctx context.Context, orders metric.Int64Counter, userID string) {
	orders.Add(ctx, 1, metric.WithAttributes(attribute.String("user.id", userID)))
}

// Ship logs without the context inside a span (logmix).
func Ship(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "ship")
	defer span.End()
	slog.Info("shipping order")
	_ = ctx
}

// Signup records a password on a span (pii).
func Signup(ctx context.Context, password string) {
	_, span := tracer.Start(ctx, "signup")
	defer span.End()
	span.SetAttributes(attribute.String("user.password", password))
}

// SetupTracing samples everything through a synchronous exporter and never
// shuts the provider down (sdksetup).
func SetupTracing() {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp), sdktrace.WithSampler(sdktrace.AlwaysSample()))
	otel.SetTracerProvider(tp)
}
