// Package login is the sign-in endpoint of an identity service: who the
// user is may be recorded on the span of their own request (the semantic
// conventions' enduser.id and user.email are for that), but not in logs,
// metric attributes, baggage or span names, and secrets and card data go
// nowhere.
package login

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// Profile is what the account page shows: identities only.
type Profile struct {
	Email       string
	Phone       string
	DisplayName string
}

// Credentials is what the sign-in form posts.
type Credentials struct {
	Email    string
	Password string
}

// Handler signs users in.
type Handler struct {
	tracer   trace.Tracer
	log      *slog.Logger
	attempts metric.Int64Counter
	verify   func(ctx context.Context, email, password string) (*Profile, error)
}

var errUnknown = errors.New("unknown account")

// SignIn checks the posted credentials.
func (h *Handler) SignIn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	email := r.PostFormValue("email")
	password := r.PostFormValue("password")
	phone := r.PostFormValue("phone")

	ctx, span := h.tracer.Start(ctx, "login.SignIn",
		trace.WithAttributes(attribute.String("user.email", email))) // the identity on its own span
	defer span.End()
	span.SetAttributes(
		attribute.String("enduser.id", email), // what enduser.id is for
		attribute.String("user.phone", phone),
	)
	// Attributes whose destination the rule cannot see are not judged as
	// metric attributes.
	attrs := []attribute.KeyValue{attribute.String("user.email", email)}
	span.SetAttributes(attrs...)

	creds := Credentials{Email: email, Password: password}
	span.SetAttributes(attribute.String("login.form", fmt.Sprintf("%+v", creds))) // want `^fmt\.Sprintf\("%\+v", creds\) \(built from creds, of type Credentials\) reaches span attribute "login\.form" whole and exposes field Password \(a password\); log only the fields you need, or give Credentials a String method that masks it \(pii/struct-dump\)$`
	span.SetAttributes(attribute.String("auth.password", password))               // want `^password \(a password\) reaches span attribute "auth\.password" in the clear; mask or hash it, or drop it \(pii/named-value\)$`

	// Identities are personal data in every other sink.
	h.log.InfoContext(ctx, "sign-in attempt", "email", email)                      // want `^email \(an email address\) reaches slog field "email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	h.attempts.Add(ctx, 1, metric.WithAttributes(attribute.String("user", email))) // want `^email \(an email address\) reaches metric attribute "user" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	member, _ := baggage.NewMember("user.email", email)                            // want `^email \(an email address\) reaches baggage member "user\.email" in the clear; keep it out of baggage, which is sent to every downstream service in a header; set it as a span attribute instead \(pii/named-value\)$`
	_, child := h.tracer.Start(ctx, "verify "+email)                               // want `^"verify " \+ email \(built from email, an email address\) reaches the span name of h\.tracer\.Start in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	_ = member
	defer child.End()

	profile, err := h.verify(ctx, email, password)
	if errors.Is(err, errUnknown) {
		err = fmt.Errorf("no account for %s: %w", email, err)
		span.RecordError(err) // span data: allowed
		span.SetStatus(codes.Error, err.Error())
		h.log.WarnContext(ctx, "sign-in failed", "err", err) // want `^err \(built from email, an email address\) reaches slog field "err" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		http.Error(w, "unknown account", http.StatusUnauthorized)
		return
	}
	if err != nil {
		span.RecordError(fmt.Errorf("sign-in of %s with %s: %w", email, password, err)) // want `^fmt\.Errorf\("sign-in of %s with %s: %w", email, password, err… \(built from password, a password\) reaches the error recorded on the span in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	span.SetAttributes(attribute.String("user.profile", fmt.Sprintf("%+v", *profile))) // identities only
	h.log.InfoContext(ctx, "signed in", "profile", fmt.Sprintf("%+v", *profile))       // want `^fmt\.Sprintf\("%\+v", \*profile\) \(built from \*profile, of type Profile\) reaches slog field "profile" whole and exposes field Email \(an email address\); log only the fields you need, or give Profile a String method that masks it \(pii/struct-dump\)$`
}

// Checkout records what a payment form posted on the span: card data is
// never span data.
func (h *Handler) Checkout(ctx context.Context, email, cardNumber string, cvv int32) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(
		attribute.String("user.email", email),
		attribute.String("payment.card_number", cardNumber), // want `^cardNumber \(a card number\) reaches span attribute "payment\.card_number" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		attribute.Int("payment.card_cvv", int(cvv)),         // want `^int\(cvv\) \(built from cvv, a card security code\) reaches span attribute "payment\.card_cvv" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	)
}
