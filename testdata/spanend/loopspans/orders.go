// Package loopspans is an order service whose traced operations loop over
// the orders, rows and events they are given.
package loopspans

import (
	"context"
	"database/sql"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

var tracer = otel.Tracer("orders")

type Order struct {
	ID    string
	Items []Item
}

type Item struct {
	SKU string
	Qty int
}

type Store struct {
	db       *sql.DB
	backends []Backend
}

type Backend interface {
	Put(ctx context.Context, o Order) error
}

func (s *Store) save(ctx context.Context, o Order) error { return nil }

// ImportOrders gives every order of the request a span of its own around
// its database write: a span per query shows which write was slow.
func (s *Store) ImportOrders(ctx context.Context, orders []Order) error {
	ctx, span := tracer.Start(ctx, "Store.ImportOrders")
	defer span.End()
	for _, o := range orders {
		octx, child := tracer.Start(ctx, "Store.importOrder")
		err := s.save(octx, o)
		child.End()
		if err != nil {
			return err
		}
	}
	return nil
}

type record struct{ id string }

// Convert wraps the in-memory conversion of each order in a span.
func Convert(ctx context.Context, orders []Order) []record {
	ctx, span := tracer.Start(ctx, "Convert")
	defer span.End()
	out := make([]record, 0, len(orders))
	for _, o := range orders {
		_, child := tracer.Start(ctx, "convertOrder") // want `^span "convertOrder" is started on every iteration of this loop over orders inside a function that already has a span: one request produces a span per item; start one span around the loop and record the item count as an attribute, or add an event per item \(spanend/loop-span\)$`
		child.SetAttributes(attribute.String("order.id", o.ID))
		out = append(out, record{id: o.ID})
		child.End()
	}
	return out
}

// LoadOrders starts a span per row of the query.
func (s *Store) LoadOrders(ctx context.Context, customer string) ([]Order, error) {
	ctx, span := tracer.Start(ctx, "Store.LoadOrders")
	defer span.End()
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM orders WHERE customer = ?", customer)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		_, rowSpan := tracer.Start(ctx, "scanOrder") // want `^span "scanOrder" is started on every iteration of this loop over rows\.Next inside a function`
		var o Order
		if err := rows.Scan(&o.ID); err != nil {
			rowSpan.End()
			return nil, err
		}
		out = append(out, o)
		rowSpan.End()
	}
	return out, rows.Err()
}

// CountItems walks the items by index.
func CountItems(ctx context.Context, o Order) int {
	ctx, span := tracer.Start(ctx, "CountItems")
	defer span.End()
	n := 0
	for i := 0; i < len(o.Items); i++ {
		_, s := tracer.Start(ctx, "countItem") // want `^span "countItem" is started on every iteration of this loop over o\.Items`
		n += o.Items[i].Qty
		s.End()
	}
	return n
}

// Drain handles the events of one request's stream.
func Drain(ctx context.Context, events <-chan Order) {
	ctx, span := tracer.Start(ctx, "Drain")
	defer span.End()
	for ev := range events {
		_, s := tracer.Start(ctx, "event") // want `^span "event" is started on every iteration of this loop over the channel events`
		s.SetAttributes(attribute.String("order.id", ev.ID))
		s.End()
	}
}
