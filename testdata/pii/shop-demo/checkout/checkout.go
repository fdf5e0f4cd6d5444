// Package checkout is the checkout service of a demo shop: its load
// generator places orders with made-up customers and test card numbers,
// and the demo records them on spans to show collector-side redaction.
// Nothing here is a real person's data, so nothing is reported.
package checkout

import (
	"context"
	"log/slog"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

// CreditCard is the load generator's test card.
type CreditCard struct {
	Number string
	CVV    int32
}

// PlaceOrderRequest is what the demo's frontend sends.
type PlaceOrderRequest struct {
	UserID string
	Email  string
	Card   CreditCard
}

var tracer = otel.Tracer("checkout")

// PlaceOrder records the demo order on its span and in the log.
func PlaceOrder(ctx context.Context, req *PlaceOrderRequest) error {
	ctx, span := tracer.Start(ctx, "PlaceOrder")
	defer span.End()
	span.SetAttributes(
		attribute.String("app.user.email", req.Email),
		attribute.String("app.payment.card_number", req.Card.Number),
		attribute.Int("app.payment.card_cvv", int(req.Card.CVV)),
	)
	slog.InfoContext(ctx, "order placed", "email", req.Email, "card", req.Card.Number)
	return nil
}
