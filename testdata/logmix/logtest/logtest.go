// Package logtest gives tests a logger that shows everything.
package logtest

import (
	"testing"

	"go.uber.org/zap"
)

// Logger returns a development logger for a test.
func Logger(t testing.TB) *zap.Logger {
	t.Helper()
	l, err := zap.NewDevelopment()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Fixture is shared by the integration tests.
func Fixture() *zap.Logger {
	l, _ := zap.NewDevelopment()
	return l
}
