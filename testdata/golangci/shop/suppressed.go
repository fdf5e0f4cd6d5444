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

// The mistakes of shop.go again, each silenced with //nolint:otellint, on
// the statement or above the function. The integration script removes these
// directives from a copy of the fixture to prove that the lines they cover
// are reported without them.

func checkoutSuppressed(ctx context.Context, orderID string) error {
	ctx, span := tracer.Start(ctx, "checkout") //nolint:otellint // fixture: a span ended elsewhere
	span.SetAttributes(attribute.Int("items", 3))
	return charge(ctx, orderID)
}

//nolint:otellint // fixture: suppressed on the whole function
func chargeSuppressed(ctx context.Context, orderID string) error {
	ctx, _ = tracer.Start(ctx, "charge")
	if orderID == "" {
		return fmt.Errorf("charge %s: empty order", orderID)
	}
	return ctx.Err()
}

//nolint:otellint // fixture: suppressed on the whole function
func refundSuppressed(ctx context.Context, orderID string) {
	_, span := tracer.Start(context.Background(), "refund")
	defer span.End()
	_ = ctx
}

//nolint:otellint // fixture: suppressed on the whole function
func lookupSuppressed(ctx context.Context, sku string) {
	_, span := tracer.Start(ctx, fmt.Sprintf("lookup %s", sku))
	defer span.End()
}

//nolint:otellint // fixture: suppressed on the whole function
func countOrderSuppressed(ctx context.Context, orders metric.Int64Counter, userID string) {
	orders.Add(ctx, 1, metric.WithAttributes(attribute.String("user.id", userID)))
}

//nolint:otellint // fixture: suppressed on the whole function
func shipSuppressed(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "ship")
	defer span.End()
	slog.Info("shipping order")
	_ = ctx
}

//nolint:otellint // fixture: suppressed on the whole function
func signupSuppressed(ctx context.Context, password string) {
	_, span := tracer.Start(ctx, "signup")
	defer span.End()
	span.SetAttributes(attribute.String("user.password", password))
}

//nolint:otellint // fixture: suppressed on the whole function
func setupTracingSuppressed() {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp), sdktrace.WithSampler(sdktrace.AlwaysSample()))
	otel.SetTracerProvider(tp)
}
