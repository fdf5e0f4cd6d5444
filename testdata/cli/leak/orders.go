// Package leak is a repository whose span is not ended when the query fails.
package leak

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

type Order struct{ ID string }

func FindOrder(ctx context.Context, id string) (*Order, error) {
	ctx, span := tracer.Start(ctx, "OrderRepository.FindOrder")
	if id == "" {
		return nil, errors.New("empty id")
	}
	_ = ctx
	span.End()
	return &Order{ID: id}, nil
}
