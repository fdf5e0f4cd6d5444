// Package orders is an order service that logs and traces a lot and leaks
// nothing: every name here mentions a PII word without holding personal
// data, or holds it redacted. The rule must stay silent on all of it.
package orders

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Order is an order.
type Order struct {
	ID            string
	CustomerID    string
	Items         []Item
	TotalCents    int64
	PlacedAt      time.Time
	EmailReceipt  bool
	PhoneOrder    bool
	PaymentToken  string `json:"-"`
	TokenUsed     bool
	CardBrand     string
	CardLast4     string
	ShippingSpeed string
}

// String renders an order for logs without its payment token.
func (o Order) String() string { return "order " + o.ID }

// Item is an order line.
type Item struct {
	SKU      string
	Quantity int
}

// Lexer splits a coupon expression into tokens (not credentials).
type Lexer struct{ input string }

// Next returns the next token.
func (l *Lexer) Next() (tok Token, ok bool) { return Token{}, false }

// Token is a lexical token.
type Token struct {
	Kind int
	Text string
}

// Service places orders.
type Service struct {
	log       *zap.Logger
	slog      *slog.Logger
	tracer    trace.Tracer
	placed    metric.Int64Counter
	latency   *prometheus.HistogramVec
	secretRef string
	keyID     string
}

func fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return fmt.Sprintf("%x", sum[:6])
}

// Place places an order.
func (s *Service) Place(ctx context.Context, r *http.Request, o Order) error {
	ctx, span := s.tracer.Start(ctx, "orders.Place")
	defer span.End()
	start := time.Now()

	tokenCount := len(strings.Fields(r.Header.Get("X-Coupon")))
	passwordResetPending := false
	emailSubject := "Your order " + o.ID
	secretName := "orders-db"
	authMethod := "oauth2"
	phoneCountryCode := "+44"
	cookieName := "session"
	cardBrand := o.CardBrand

	s.log.Info("placing order",
		zap.String("order_id", o.ID),
		zap.String("customer_id", o.CustomerID),
		zap.Int("items", len(o.Items)),
		zap.Int64("total_cents", o.TotalCents),
		zap.Bool("email_receipt", o.EmailReceipt),
		zap.Bool("phone_order", o.PhoneOrder),
		zap.Bool("token_used", o.TokenUsed),
		zap.Int("token_count", tokenCount),
		zap.Bool("password_reset_pending", passwordResetPending),
		zap.String("email_subject", emailSubject),
		zap.String("secret_name", secretName),
		zap.String("secret_ref", s.secretRef),
		zap.String("key_id", s.keyID),
		zap.String("auth_method", authMethod),
		zap.String("phone_country_code", phoneCountryCode),
		zap.String("cookie_name", cookieName),
		zap.String("card_brand", cardBrand),
		zap.String("card_last4", o.CardLast4),
		zap.String("payment_token_fingerprint", fingerprint(o.PaymentToken)),
		zap.Stringer("order", o),
		zap.Any("order_value", o),
	)
	s.slog.InfoContext(ctx, "placing order", "order", o, "placed_at", o.PlacedAt, "shipping", o.ShippingSpeed)
	span.SetAttributes(
		attribute.String("order.id", o.ID),
		attribute.Int("order.items", len(o.Items)),
		attribute.Bool("order.email_receipt", o.EmailReceipt),
		attribute.String("payment.card_brand", o.CardBrand),
		attribute.String("payment.card_last4", o.CardLast4),
	)
	s.placed.Add(ctx, 1, metric.WithAttributes(attribute.String("shipping", o.ShippingSpeed), attribute.Bool("phone_order", o.PhoneOrder)))
	s.latency.WithLabelValues(o.ShippingSpeed, authMethod).Observe(time.Since(start).Seconds())

	lex := &Lexer{input: r.URL.Query().Get("coupon")}
	for {
		token, ok := lex.Next()
		if !ok {
			break
		}
		s.log.Debug("coupon token", zap.Int("kind", token.Kind))
	}

	nextPageToken := r.URL.Query().Get("page_token")
	s.log.Debug("listing", zap.String("next_page_token", nextPageToken))

	if err := s.reserve(ctx, o); err != nil {
		s.log.Error("reserve failed", zap.Error(err), zap.String("order_id", o.ID))
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

var errOutOfStock = errors.New("out of stock")

func (s *Service) reserve(ctx context.Context, o Order) error {
	_, span := s.tracer.Start(ctx, "orders.reserve")
	defer span.End()
	for _, it := range o.Items {
		if it.Quantity > 100 {
			return fmt.Errorf("reserve %s x%d for order %s: %w", it.SKU, it.Quantity, o.ID, errOutOfStock)
		}
	}
	span.AddEvent("reserved", trace.WithAttributes(attribute.Int("items", len(o.Items))))
	return nil
}

// Tokens logs the tokens of a coupon expression: lexical tokens, not
// credentials.
func (s *Service) Tokens(l *Lexer) {
	for tok, ok := l.Next(); ok; tok, ok = l.Next() {
		s.log.Debug("token", zap.Any("token", tok), zap.String("text", tok.Text))
	}
}
