// Package orders serves the order API over a SQL repository.
package orders

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/shop/orders")

// ErrNotFound is returned when an order does not exist.
var ErrNotFound = errors.New("order not found")

// Order is a customer's order.
type Order struct {
	ID         string
	CustomerID string
	Email      string
	TotalCents int64
	Status     string
}

// Repository stores orders in SQL.
type Repository struct {
	db *sql.DB
}

// NewRepository returns a Repository over db.
func NewRepository(db *sql.DB) *Repository { return &Repository{db: db} }

// Find loads one order.
func (r *Repository) Find(ctx context.Context, id string) (*Order, error) {
	ctx, span := tracer.Start(ctx, "OrderRepository.Find",
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("db.system", "postgresql"), attribute.String("order.id", id)))
	defer span.End()

	var o Order
	err := r.db.QueryRowContext(ctx, `SELECT id, customer_id, email, total_cents, status FROM orders WHERE id = $1`, id).
		Scan(&o.ID, &o.CustomerID, &o.Email, &o.TotalCents, &o.Status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, fmt.Errorf("find order %s: %w", id, err)
	}
	return &o, nil
}

// Create inserts an order.
func (r *Repository) Create(ctx context.Context, o *Order) error {
	ctx, span := tracer.Start(ctx, "OrderRepository.Create") // MISTAKE(spanend): not ended when the insert fails
	_, err := r.db.ExecContext(ctx, `INSERT INTO orders (id, customer_id, email, total_cents, status) VALUES ($1, $2, $3, $4, $5)`,
		o.ID, o.CustomerID, o.Email, o.TotalCents, o.Status)
	if err != nil {
		return fmt.Errorf("create order: %w", err)
	}
	span.End()
	return nil
}

// ExpireCarts marks stale pending orders as expired.
func (r *Repository) ExpireCarts(ctx context.Context, olderThanMinutes int) (int64, error) {
	_, span := tracer.Start(ctx, "OrderRepository.ExpireCarts")
	defer span.End()
	res, err := r.db.Exec(`UPDATE orders SET status = 'expired' WHERE status = 'pending' AND created_at < now() - $1 * interval '1 minute'`, olderThanMinutes) // MISTAKE(ctxprop): Exec drops the context; use ExecContext
	if err != nil {
		span.RecordError(err) // MISTAKE(spanend): the error is recorded but the span status is never set
		return 0, err
	}
	return res.RowsAffected()
}

// MarkPaid records a payment for an order.
func (r *Repository) MarkPaid(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "OrderRepository.MarkPaid")
	defer span.End()
	if _, err := r.db.ExecContext(ctx, `UPDATE orders SET status = 'paid' WHERE id = $1`, id); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}
