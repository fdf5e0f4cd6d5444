package orders

import (
	"context"
	"log"
	"log/slog"
)

// Audit records who changed an order.
func Audit(ctx context.Context, id, who string) {
	slog.InfoContext(ctx, "order changed", "id", id)
	log.Printf("order %s changed by %s", id, who)
}
