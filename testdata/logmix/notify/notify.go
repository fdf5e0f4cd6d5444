// Package notify sends order notifications. It logs with slog; its test
// double, in mock_sender.go, prints what it would have sent.
package notify

import (
	"context"
	"log"
	"log/slog"
)

// Sender delivers one message.
type Sender interface {
	Send(ctx context.Context, to, body string) error
}

// Notifier sends order updates through a Sender.
type Notifier struct {
	s Sender
}

// OrderShipped tells the customer their order left the warehouse.
func (n *Notifier) OrderShipped(ctx context.Context, customer, order string) error {
	if err := n.s.Send(ctx, customer, "order "+order+" shipped"); err != nil {
		slog.ErrorContext(ctx, "shipping notice not sent", "order", order, "error", err)
		return err
	}
	slog.InfoContext(ctx, "shipping notice sent", "order", order)
	return nil
}

// OrderCancelled tells the customer their order was cancelled.
func (n *Notifier) OrderCancelled(ctx context.Context, customer, order string) error {
	if err := n.s.Send(ctx, customer, "order "+order+" cancelled"); err != nil {
		log.Printf("cancellation notice for %s not sent: %v", order, err) // want `^package uses slog for logging \(\d+ calls\); this log\.Printf call uses log: use slog \(logmix/mixed-libraries\)$`
		return err
	}
	return nil
}
