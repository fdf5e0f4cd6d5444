// Package clean is the fixed twin of leak.
package clean

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

type Order struct{ ID string }

func FindOrder(ctx context.Context, id string) (*Order, error) {
	_, span := tracer.Start(ctx, "OrderRepository.FindOrder")
	defer span.End()
	if id == "" {
		return nil, errors.New("empty id")
	}
	return &Order{ID: id}, nil
}
