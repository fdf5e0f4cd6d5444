// Package payment is a payment service: card data on spans, metrics,
// Prometheus labels and logrus, with numeric identifiers and masking.
package payment

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// Card is what the checkout form posts.
type Card struct {
	Number      string
	CVV         int
	ExpiryMonth int
	ExpiryYear  int
	Holder      string
	Brand       string
}

// ChargeRequest is a payment to make.
type ChargeRequest struct {
	OrderID     string
	AmountCents int64
	Currency    string
	Card        Card
}

// Service charges cards.
type Service struct {
	tracer   trace.Tracer
	charges  metric.Int64Counter
	declines *prometheus.CounterVec
	log      *logrus.Logger
	macKey   []byte
}

func last4(pan string) string {
	if len(pan) < 4 {
		return pan
	}
	return pan[len(pan)-4:]
}

func (s *Service) fingerprint(pan string) string {
	mac := hmac.New(sha256.New, s.macKey)
	mac.Write([]byte(pan))
	return hex.EncodeToString(mac.Sum(nil))
}

// Charge charges the card of req.
func (s *Service) Charge(ctx context.Context, req ChargeRequest) error {
	ctx, span := s.tracer.Start(ctx, "payment.Charge")
	defer span.End()

	card := req.Card
	cardNumber := card.Number
	cvv := card.CVV

	// Leaks.
	span.SetAttributes(attribute.String("card.number", cardNumber))                           // want `^cardNumber \(a card number\) reaches span attribute "card\.number" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	span.SetAttributes(attribute.Int("card.cvv", cvv))                                        // want `^cvv \(a card security code\) reaches span attribute "card\.cvv" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	span.SetAttributes(attribute.Int("card.security_code", card.CVV))                         // want `^card\.CVV \(a card security code\) reaches span attribute "card\.security_code" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	s.charges.Add(ctx, 1, metric.WithAttributes(attribute.String("card", strconv.Itoa(cvv)))) // want `^strconv\.Itoa\(cvv\) \(built from cvv, a card security code\) reaches metric attribute "card" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	s.log.WithField("pan", req.Card.Number).Info("charging")                                  // want `^req\.Card\.Number \(a card number\) reaches logrus field "pan" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	s.log.Infof("charging card %s for order %s", cardNumber, req.OrderID)                     // want `^cardNumber \(a card number\) reaches the log message of s\.log\.Infof in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	s.log.WithFields(logrus.Fields{
		"order": req.OrderID,
		"card":  fmt.Sprintf("%s/%d", cardNumber, card.ExpiryYear), // want `^fmt\.Sprintf\("%s/%d", cardNumber, card\.ExpiryYear\) \(built from cardNumber, a card number\) reaches logrus field "card" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	}).Info("charging")

	// Clean twins: masked, hashed, truncated or not identifying.
	span.SetAttributes(attribute.String("card.last4", last4(cardNumber)))
	span.SetAttributes(attribute.String("card.fingerprint", s.fingerprint(cardNumber)))
	span.SetAttributes(attribute.String("card.brand", card.Brand))
	span.SetAttributes(attribute.Int("card.expiry_year", card.ExpiryYear))
	span.SetAttributes(attribute.Int64("payment.amount_cents", req.AmountCents))
	s.charges.Add(ctx, 1, metric.WithAttributes(attribute.String("payment.currency", req.Currency)))
	s.log.WithField("card_last4", last4(req.Card.Number)).Info("charging")
	s.log.Infof("charging card ending %s for order %s", cardNumber[len(cardNumber)-4:], req.OrderID)
	s.log.WithFields(logrus.Fields{
		"order":    req.OrderID,
		"currency": req.Currency,
		"card_mac": s.fingerprint(cardNumber),
	}).Info("charging")

	if err := s.validate(req); err != nil {
		s.log.WithError(err).Warn("invalid card") // want `^err \(built from req\.Card\.Number in validate, a card number\) reaches the logrus error field in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		return err
	}
	if err := s.validateAmount(req); err != nil {
		s.log.WithError(err).Warn("invalid amount")
		return err
	}
	if err := s.authorize(ctx, req); err != nil {
		s.declines.WithLabelValues(req.Currency, card.Brand).Inc()
		s.declines.WithLabelValues(req.Currency, card.Number).Inc() // want `^card\.Number \(a card number\) reaches a Prometheus label value in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		s.declines.With(prometheus.Labels{"currency": req.Currency, "holder": card.Holder}).Inc()
		s.declines.With(prometheus.Labels{"currency": req.Currency, "card_number": card.Number}).Inc() // want `^card\.Number \(a card number\) reaches Prometheus label "card_number" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		span.RecordError(err)                                                                          // want `^err \(built from req\.Card\.Number in authorize, a card number\) reaches the error recorded on the span in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		return err
	}
	return nil
}

func (s *Service) authorize(ctx context.Context, req ChargeRequest) error {
	_, span := s.tracer.Start(ctx, "payment.authorize")
	defer span.End()
	if req.Card.ExpiryYear < 2000 {
		err := fmt.Errorf("card %s expired in %d", req.Card.Number, req.Card.ExpiryYear)
		span.SetStatus(2, err.Error()) // want `^err\.Error\(\) \(built from req\.Card\.Number, a card number\) reaches the span status description in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		return err
	}
	if req.AmountCents <= 0 {
		err := fmt.Errorf("order %s: amount %d is not positive", req.OrderID, req.AmountCents)
		span.SetStatus(2, err.Error())
		return err
	}
	return nil
}

func (s *Service) validate(req ChargeRequest) error {
	if len(req.Card.Number) < 12 {
		return fmt.Errorf("invalid card number %q", req.Card.Number)
	}
	return nil
}

func (s *Service) validateAmount(req ChargeRequest) error {
	if req.AmountCents <= 0 {
		return fmt.Errorf("order %s: invalid amount %d", req.OrderID, req.AmountCents)
	}
	return nil
}
