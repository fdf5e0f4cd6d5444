// Package policy is checked with -logmix.logger=slog, -logmix.tests=true,
// -logmix.context=false and -logmix.bridges=otellint.test/logmix/policy/adapters:
// the team standard is slog, so every other library is reported even where
// it is the package's only one.
package policy

import (
	"context"
	"log"
	"log/slog"

	"go.uber.org/zap"
)

// Billing bills customers.
type Billing struct {
	z *zap.Logger
}

// Charge charges a customer.
func (b *Billing) Charge(ctx context.Context, customer string) {
	log.Printf("charging %s", customer) // want `^this service logs with slog \(-logmix\.logger=slog\); this log\.Printf call uses log: use slog \(logmix/mixed-libraries\)$`
	b.z.Info("charged")                 // want `^this service logs with slog \(-logmix\.logger=slog\); this b\.z\.Info call uses zap: use slog \(logmix/mixed-libraries\)$`
	// -logmix.context=false: no missing-context finding here.
	slog.Info("charge complete", "customer", customer)
}
