// Package testutil starts fixtures for integration tests.
package testutil

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// WaitReady polls a fixture until it answers: test support, not checked.
func WaitReady(ctx context.Context, url string) error {
	for ctx.Err() == nil {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return ctx.Err()
}

// Must fails the test on err.
func Must(t testing.TB, err error) {
	if err != nil {
		t.Fatal(err)
	}
}
