// Package baggageprop propagates business context in baggage, the way the
// guide recommends for tenant ids, and shows what must stay out of it:
// baggage is sent in a header to every downstream service.
package baggageprop

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"

	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/trace"
)

// User is the signed-in user.
type User struct {
	ID       string
	TenantID string
	Email    string
	Phone    string
	SSN      string
	Plan     string
}

func hashPhone(phone string) string {
	sum := sha256.Sum256([]byte(phone))
	return hex.EncodeToString(sum[:8])
}

// lookupContact returns a contact value for the user (origin unknown here).
func lookupContact(u User) string { return u.ID }

// WithUser returns ctx carrying u's business context in baggage.
func WithUser(ctx context.Context, r *http.Request, u User) (context.Context, error) {
	tenant, _ := baggage.NewMember("tenant.id", u.TenantID)
	userID, _ := baggage.NewMember("user.id", u.ID)
	plan, _ := baggage.NewMemberRaw("user.plan", u.Plan)
	phoneHash, _ := baggage.NewMember("user.phone_hash", hashPhone(u.Phone))

	phone, _ := baggage.NewMember("user.phone", u.Phone)             // want `^u\.Phone \(a phone number\) reaches baggage member "user\.phone" in the clear; keep it out of baggage, which is sent to every downstream service in a header; set it as a span attribute instead \(pii/named-value\)$`
	email, _ := baggage.NewMemberRaw("user.email", u.Email)          // want `^u\.Email \(an email address\) reaches baggage member "user\.email" in the clear; keep it out of baggage, which is sent to every downstream service in a header; set it as a span attribute instead \(pii/named-value\)$`
	ssn, _ := baggage.NewKeyValueProperty("ssn", u.SSN)              // want `^u\.SSN \(a social security number\) reaches baggage property "ssn" in the clear; keep it out of baggage, which is sent to every downstream service in a header \(pii/named-value\)$`
	contact, _ := baggage.NewMember("user.mobile", lookupContact(u)) // want `^baggage member "user\.mobile" names a phone number but its value lookupContact\(u\) is not masked or hashed; keep personal data out of baggage, which is sent to every downstream service in a header; set it as a span attribute instead \(pii/sensitive-key\)$`
	region, _ := baggage.NewMember("user.region", lookupContact(u))
	verified, _ := baggage.NewKeyProperty("phone_verified")
	_ = verified

	if c, err := r.Cookie("session"); err == nil {
		session, _ := baggage.NewMemberRaw("session", c.Value) // want `^c\.Value \(a cookie\) reaches baggage member "session" in the clear; keep it out of baggage, which is sent to every downstream service in a header \(pii/named-value\)$`
		_ = session
	}

	bag, err := baggage.New(tenant, userID, plan, phoneHash, phone, email, contact, region)
	if err != nil {
		return ctx, err
	}
	_ = ssn
	return baggage.ContextWithBaggage(ctx, bag), nil
}

// Downstream reads the baggage in a downstream service.
func Downstream(ctx context.Context, log *slog.Logger) {
	bag := baggage.FromContext(ctx)
	tenantID := bag.Member("tenant.id").Value()
	trace.SpanFromContext(ctx).AddEvent("tenant " + tenantID)
	log.InfoContext(ctx, "downstream", "tenant", tenantID)
	log.InfoContext(ctx, "downstream", "contact", bag.Member("user.email").Value()) // want `^bag\.Member\("user\.email"\)\.Value\(\) \(built from bag\.Member\("user\.email"\), an email address\) reaches slog field "contact" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}
