// Package orders places orders. It is a fixture of the otellint command's
// integration tests (cmd/otellint/cli_test.go): each finding there is
// asserted by position, so edit it together with the tests.
package orders

import (
	"context"
	"log/slog"
	"time"
)

// Store persists orders.
type Store struct{}

// Save stores an order.
func (s *Store) Save(ctx context.Context, id string) error { return nil }

// Place saves an order under a deadline of its own, cut off from the
// caller's trace: the deadline should derive from ctx.
func Place(ctx context.Context, s *Store, id string) error {
	cctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	slog.InfoContext(ctx, "placing order", "id", id)
	return s.Save(cctx, id)
}

// Cancel is correct: the deadline derives from ctx.
func Cancel(ctx context.Context, s *Store, id string) error {
	cctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	slog.InfoContext(ctx, "cancelling order", "id", id)
	return s.Save(cctx, id)
}
