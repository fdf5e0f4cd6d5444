package handlers

import (
	"context"
	"testing"
)

// Spans started by tests never reach a production backend: not checked.
func TestPlaceOrder(t *testing.T) {
	ctx, span := tracer.Start(context.Background(), "test")
	defer span.End()
	_, child := tracer.Start(ctx, "TestPlaceOrder")
	defer child.End()
}
