// Package signup is a sign-up handler: form values, zap, slog and span
// attributes, with the traps of names that mention PII without holding it.
package signup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Settings holds feature flags whose names mention PII words.
type Settings struct {
	EmailEnabled          bool
	PasswordPolicyVersion int
	TokenCount            int
	PhoneVerified         bool
	PasswordMinLength     int
	EmailTemplate         string
	TokenTTL              time.Duration
}

// Handler serves the sign-up form.
type Handler struct {
	log      *zap.Logger
	sugar    *zap.SugaredLogger
	slog     *slog.Logger
	tracer   trace.Tracer
	settings Settings
}

func hashEmail(email string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(email)))
	return hex.EncodeToString(sum[:])
}

func normalize(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func maskPhone(phone string) string {
	if len(phone) < 4 {
		return "****"
	}
	return strings.Repeat("*", len(phone)-4) + phone[len(phone)-4:]
}

// ServeHTTP handles POST /signup.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, span := h.tracer.Start(r.Context(), "signup.Handle")
	defer span.End()

	email := r.FormValue("email")
	password := r.PostFormValue("password")
	phone := r.FormValue("phone")
	plan := r.FormValue("plan")
	referral := r.FormValue("referral_code")

	// Leaks.
	h.log.Info("signup attempt", zap.String("email", email))              // want `^email \(an email address\) reaches zap field "email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	h.slog.InfoContext(ctx, "signup attempt", "phone", phone)             // want `^phone \(a phone number\) reaches slog field "phone" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	h.sugar.Infow("new account", "plan", plan, "password", password)      // want `^password \(a password\) reaches zap field "password" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	h.sugar.Infof("creating account for %s on plan %s", email, plan)      // want `^email \(an email address\) reaches the log message of h\.sugar\.Infof in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	span.SetAttributes(attribute.String("user.email", email))             // an identity on the span it describes: what semconv's user.email is for
	h.slog.Info("signup for " + email)                                    // want `^"signup for " \+ email \(built from email, an email address\) reaches the log message of h\.slog\.Info in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	h.log.Warn("weak password", zap.String("pw", r.PostFormValue("pwd"))) // want `^r\.PostFormValue\("pwd"\) \(a password\) reaches zap field "pw" in the clear; mask or hash it, or drop it \(pii/named-value\)$`

	// Clean twins.
	h.log.Info("signup attempt", zap.String("email_hash", hashEmail(email)))
	h.slog.InfoContext(ctx, "signup attempt", "phone_masked", maskPhone(phone))
	h.sugar.Infow("new account", "plan", plan, "referral", referral)
	h.sugar.Infof("creating account on plan %s", plan)
	span.SetAttributes(attribute.String("user.email_hash", hashEmail(email)))
	h.slog.Info("signup for plan " + plan)
	h.log.Warn("weak password", zap.Int("password_length", len(password)))

	// Through a same-package helper, which returns what it is given.
	h.slog.Info("normalized", "plan", normalize(plan))
	h.slog.Info("normalized", "contact", normalize(email)) // want `^normalize\(email\) \(built from email via normalize, an email address\) reaches slog field "contact" in the clear; mask or hash it, or drop it \(pii/named-value\)$`

	// Traps: names that mention PII words but hold none.
	h.log.Info("settings",
		zap.Bool("email_enabled", h.settings.EmailEnabled),
		zap.Int("password_policy_version", h.settings.PasswordPolicyVersion),
		zap.Int("token_count", h.settings.TokenCount),
		zap.Bool("phone_verified", h.settings.PhoneVerified),
		zap.Int("password_min_length", h.settings.PasswordMinLength),
		zap.String("email_template", h.settings.EmailTemplate),
		zap.Duration("token_ttl", h.settings.TokenTTL),
	)
	emailEnabled := h.settings.EmailEnabled
	tokenCount := h.settings.TokenCount
	h.slog.Info("flags", "emailEnabled", emailEnabled, "tokenCount", tokenCount)
	span.SetAttributes(
		attribute.Bool("user.phone_verified", h.settings.PhoneVerified),
		attribute.Int("auth.password_policy_version", h.settings.PasswordPolicyVersion),
	)

	// A reviewed exception, silenced with a directive.
	//otellint:ignore pii/named-value support tooling needs the address (SEC-123)
	h.log.Debug("support lookup", zap.String("email", email))

	// Constants are not personal data.
	const supportEmail = "support@example.com"
	h.log.Info("contact", zap.String("email", supportEmail))
	h.slog.Info("contact", "email", "noreply@example.com")

	if err := h.create(ctx, email, password); err != nil {
		h.log.Error("signup failed", zap.Error(err)) // want `^err \(built from email via create, an email address\) reaches the zap error field in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		span.RecordError(err)                        // span data: the address may be there, as in a user.email attribute
		http.Error(w, "signup failed", http.StatusInternalServerError)
		return
	}
	h.log.Info("signup done", zap.Time("at", time.Now()), zap.String("plan", plan))
}

// EmailAddress is a named string type: it holds what its name says.
type EmailAddress string

// Invite sends invitations and traces them.
func (h *Handler) Invite(ctx context.Context, to EmailAddress, phone string, inviterID string, lookup func(string) string) {
	ctx, span := h.tracer.Start(ctx, "invite "+string(to)) // want `^"invite " \+ string\(to\) \(built from to, an email address\) reaches the span name of h\.tracer\.Start in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	defer span.End()
	_, child := h.tracer.Start(ctx, "invite.send")
	defer child.End()

	span.AddEvent("invitation sent to " + string(to)) // want `^"invitation sent to " \+ string\(to\) \(built from to, an email address\) reaches the span event name in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	span.AddEvent("invitation sent", trace.WithAttributes(attribute.String("inviter.id", inviterID)))

	log := h.slog.With("invitee", to)                                       // want `^to \(an email address\) reaches slog field "invitee" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.InfoContext(ctx, "inviting", slog.Group("invitee", "phone", phone)) // want `^phone \(a phone number\) reaches slog field "phone" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	h.slog.With("inviter", inviterID).InfoContext(ctx, "inviting", slog.Group("invitee", "id", inviterID))
	h.sugar.With("email", to).Info("inviting") // want `^to \(an email address\) reaches zap field "email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`

	// Overwritten by its masked form before it is logged.
	phone = maskPhone(phone)
	h.slog.InfoContext(ctx, "inviting", "phone", phone)

	// A key naming personal data, a value of unknown origin.
	contact := lookup(inviterID)
	h.slog.InfoContext(ctx, "inviting", "email", contact) // want `^slog field "email" names an email address but its value contact is not masked or hashed; pass it through a redaction helper \(hash, mask\) or drop it \(pii/sensitive-key\)$`
	h.sugar.Infow("inviting", "phone", lookup(inviterID)) // want `^zap field "phone" names a phone number but its value lookup\(inviterID\) is not masked or hashed; pass it through a redaction helper \(hash, mask\) or drop it \(pii/sensitive-key\)$`
	h.slog.InfoContext(ctx, "inviting", "email_hash", contact, "email_domain", "example.com", "phone_count", 1)
	h.slog.InfoContext(ctx, "inviting", "email", hashEmail(contact), "email_sent", true)
}

func (h *Handler) create(ctx context.Context, email, password string) error {
	_, span := h.tracer.Start(ctx, "signup.create")
	defer span.End()
	if strings.Contains(password, email) {
		err := fmt.Errorf("password of %s contains the email", email)
		span.RecordError(err) // span data
		return err
	}
	if len(password) < 8 {
		err := fmt.Errorf("password too short (%d < 8)", len(password))
		span.RecordError(err)
		return err
	}
	return nil
}
