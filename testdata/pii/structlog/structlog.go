// Package structlog logs whole structs: fmt verbs, zap.Any, slog.Any,
// logrus WithField, zerolog Interface and json.Marshal show every field
// they can reach, including the sensitive ones.
package structlog

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"time"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Customer is a customer record.
type Customer struct {
	ID        string
	Name      string
	Email     string
	TaxRef    string `otellint:"pii"`
	CreatedAt time.Time
}

// Patient holds health data: nothing in its names says so, its tags do.
type Patient struct {
	ID        string
	Ward      string
	Diagnosis string `otellint:"pii"`
	Age       int    `otellint:"pii,audit"`
	Admitted  bool   `otellint:"pii"`
}

// Prefs mentions PII words in flags only.
type Prefs struct {
	EmailEnabled  bool
	PhoneVerified bool
	TokenCount    int
}

// Account masks its password when printed.
type Account struct {
	Login    string
	Password string
}

func (a Account) String() string { return a.Login + ":****" }

// Profile controls how slog renders it, but not fmt.
type Profile struct {
	Handle string
	Phone  string
}

// LogValue implements slog.LogValuer.
func (p Profile) LogValue() slog.Value { return slog.StringValue(p.Handle) }

// Session hides its token from JSON encoders.
type Session struct {
	ID    string `json:"id"`
	Token string `json:"-"`
}

// Order nests a customer by value and one by pointer.
type Order struct {
	ID     string
	Buyer  Customer
	Payer  *Customer
	Placed time.Time
}

// Report logs records every way a service does.
func Report(ctx context.Context, span trace.Span, zl *zap.Logger, sl *slog.Logger, lr *logrus.Logger, zr zerolog.Logger,
	c Customer, p Patient, prefs Prefs, a Account, prof Profile, s Session, o Order) {
	// Leaks: whole structs.
	log.Printf("customer: %+v", c)                            // want `^c \(of type Customer\) reaches the log message of log\.Printf whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a String method that masks it \(pii/struct-dump\)$`
	zl.Info("customer", zap.Any("customer", c))               // want `^c \(of type Customer\) reaches zap field "customer" whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a MarshalLogObject method that masks it \(pii/struct-dump\)$`
	sl.InfoContext(ctx, "customer", slog.Any("customer", &c)) // want `^&c \(of type Customer\) reaches slog field "customer" whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a LogValue method that masks it \(pii/struct-dump\)$`
	lr.WithField("patient", p).Info("admitted")               // want `^p \(of type Patient\) reaches logrus field "patient" whole and exposes field Diagnosis \(tagged otellint:"pii"\); log only the fields you need, or give Patient a String method that masks it \(pii/struct-dump\)$`
	zr.Info().Interface("customer", c).Msg("seen")            // want `^c \(of type Customer\) reaches zerolog field "customer" whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a MarshalJSON method that masks it \(pii/struct-dump\)$`
	sl.Info("order", "order", o)                              // want `^o \(of type Order\) reaches slog field "order" whole and exposes field Buyer\.Email \(an email address\); log only the fields you need, or give Order a LogValue method that masks it \(pii/struct-dump\)$`
	summary := fmt.Sprintf("%v", c)
	sl.Info("customer", "summary", summary) // want `^summary \(built from c, of type Customer\) reaches slog field "summary" whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a String method that masks it \(pii/struct-dump\)$`
	blob, _ := json.Marshal(c)
	zl.Debug("customer", zap.ByteString("json", blob)) // want `^blob \(built from c, of type Customer\) reaches zap field "json" whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a MarshalJSON method that masks it \(pii/struct-dump\)$`
	log.Printf("profile %+v", prof)                    // want `^prof \(of type Profile\) reaches the log message of log\.Printf whole and exposes field Phone \(a phone number\); log only the fields you need, or give Profile a String method that masks it \(pii/struct-dump\)$`
	log.Println("session", s)                          // want `^s \(of type Session\) reaches the log message of log\.Println whole and exposes field Token \(a token\); log only the fields you need, or give Session a String method that masks it \(pii/struct-dump\)$`

	// Leaks: tagged fields read one by one.
	zl.Info("customer", zap.String("tax_ref", c.TaxRef))    // want `^c\.TaxRef \(a field tagged otellint:"pii"\) reaches zap field "tax_ref" in the clear; mask or hash it, or drop it \(pii/tagged-field\)$`
	span.SetAttributes(attribute.Int("patient.age", p.Age)) // want `^p\.Age \(a field tagged otellint:"pii"\) reaches span attribute "patient\.age" in the clear; mask or hash it, or drop it \(pii/tagged-field\)$`
	sl.Info("patient", "diagnosis", p.Diagnosis)            // want `^p\.Diagnosis \(a field tagged otellint:"pii"\) reaches slog field "diagnosis" in the clear; mask or hash it, or drop it \(pii/tagged-field\)$`

	// Clean twins.
	log.Printf("customer %s created %s", c.ID, c.CreatedAt)
	log.Printf("customer of type %T at %p", c, &c)
	fmt.Printf("customer: %+v\n", c) // fmt.Print* is a command's output, not a log
	zl.Info("customer", zap.String("id", c.ID), zap.Time("created", c.CreatedAt))
	lr.WithField("ward", p.Ward).WithField("admitted", p.Admitted).Info("admitted")
	log.Printf("prefs: %+v", prefs)
	zl.Info("prefs", zap.Any("prefs", prefs))
	log.Printf("account: %v", a)
	zl.Info("account", zap.Any("account", a))
	sl.Info("profile", "profile", prof)
	zl.Info("session", zap.Any("session", s))
	zr.Info().Interface("session", s).Msg("seen")
	log.Printf("order %s placed %v", o.ID, o.Placed)
	log.Printf("order: %+v", struct {
		ID    string
		Items int
	}{o.ID, 3})
	log.Printf("payer %v\n", o.Payer) // want `^o\.Payer \(of type Customer\) reaches the log message of log\.Printf whole and exposes field Email \(an email address\); log only the fields you need, or give Customer a String method that masks it \(pii/struct-dump\)$`
}

// Shipment refers to its recipient by pointer.
type Shipment struct {
	ID        string
	Recipient *Customer
}

// Ship logs a shipment: fmt prints the nested pointer as an address, zap's
// reflection encoder follows it.
func Ship(zl *zap.Logger, sh Shipment) {
	log.Printf("shipment %+v", sh)
	zl.Info("shipment", zap.Reflect("shipment", sh)) // want `^sh \(of type Shipment\) reaches zap field "shipment" whole and exposes field Recipient\.Email \(an email address\); log only the fields you need, or give Shipment a MarshalLogObject method that masks it \(pii/struct-dump\)$`
}
