// Package configured is checked with every flag of the rule set (see
// TestFlags): extra words, ignored words, optional vocabularies, another
// sensitive tag, extra redactors, and a check switched off.
package configured

import (
	"log/slog"
	"os"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Member is a loyalty-programme member.
type Member struct {
	ID            string
	LoyaltyNumber string // -pii.words=loyalty_number
	ClientIP      string // -pii.optional=ip,name
	FullName      string
	Street        string // the address vocabulary stays off
	Pwd           string // -pii.ignore=pwd: the working directory here
	Notes         string `gdpr:"personal"` // -pii.tag=gdpr:personal
	TaxRef        string `otellint:"pii"`  // the default tag no longer counts
	Email         string
}

// Vault seals values.
type Vault struct{}

// Seal encrypts v (configured as a redactor by its full name).
func (*Vault) Seal(v string) string { return v }

func scrubEmail(e string) string { return e } // -pii.redactors=scrub

// Visit records a member's visit.
func Visit(log *slog.Logger, span trace.Span, v *Vault, m Member) {
	span.SetAttributes(attribute.String("member.loyalty", m.LoyaltyNumber)) // want `^m\.LoyaltyNumber \(personal data \(configured with -pii\.words\)\) reaches span attribute "member\.loyalty" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.Info("visit", "ip", m.ClientIP)                                     // want `^m\.ClientIP \(an IP address\) reaches slog field "ip" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.Info("visit", "who", m.FullName)                                    // want `^m\.FullName \(a person's name\) reaches slog field "who" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.Info("visit", "notes", m.Notes)                                     // want `^m\.Notes \(a field tagged gdpr:"personal"\) reaches slog field "notes" in the clear; mask or hash it, or drop it \(pii/tagged-field\)$`

	log.Info("visit", "street", m.Street)
	log.Info("visit", "pwd", m.Pwd, "cwd", os.Getenv("PWD"))
	log.Info("visit", "tax", m.TaxRef)
	log.Info("visit", "email", scrubEmail(m.Email))
	log.Info("visit", "email", v.Seal(m.Email))
	log.Info("visit", "member", m)      // struct-dump is switched off
	log.Info("visit", "email", m.Email) // want `^m\.Email \(an email address\) reaches slog field "email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}
