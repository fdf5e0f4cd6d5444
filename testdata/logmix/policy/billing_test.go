package policy

import (
	"log"
	"testing"
)

// With -logmix.tests=true test files are checked too.
func TestCharge(t *testing.T) {
	log.Println("test run") // want `this log\.Println call uses log: use slog \(logmix/mixed-libraries\)$`
	new(Billing).Charge(t.Context(), "c-1")
}
