// Package repositories is a data-access layer that records query metrics.
package repositories

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

type OrderStatus string

const (
	StatusPending OrderStatus = "pending"
	StatusPaid    OrderStatus = "paid"
)

type Order struct {
	ID         int
	CustomerID string
	Email      string
	Status     OrderStatus
	Region     string
	CreatedAt  time.Time
}

type OrderRepo struct {
	db      *sql.DB
	queries metric.Int64Counter
	latency metric.Float64Histogram
}

// NewOrderRepo builds the instruments once: no finding.
func NewOrderRepo(db *sql.DB) (*OrderRepo, error) {
	m := otel.Meter("shop/orders/db")
	q, err := m.Int64Counter("db.client.queries")
	if err != nil {
		return nil, err
	}
	l, err := m.Float64Histogram("db.client.query.duration", metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &OrderRepo{db: db, queries: q, latency: l}, nil
}

func (r *OrderRepo) Save(ctx context.Context, o Order) error {
	start := time.Now()
	_, err := r.db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", o.ID)
	r.queries.Add(ctx, 1, metric.WithAttributes(
		attribute.String("db.operation", "insert"),
		attribute.String("order.status", string(o.Status)),
		attribute.String("region", o.Region),
		attribute.Int("order_id", o.ID),                      // want `metric attribute "order_id" names an order id, an unbounded value.* \(cardinality/key\)`
		attribute.String("customer", o.CustomerID),           // want `metric attribute "customer" gets o.CustomerID \(named like a customer id\).* \(cardinality/value\)`
		attribute.String("contact", o.Email),                 // want `metric attribute "contact" gets o.Email \(named like an email address\).* \(cardinality/value\)`
		attribute.String("order", strconv.Itoa(o.ID)),        // want `metric attribute "order" gets strconv.Itoa\(o.ID\) \(o.ID is named like an order id\).* \(cardinality/value\)`
		attribute.String("created_at", o.CreatedAt.String()), // want `metric attribute "created_at" names a timestamp.*drop it: every data point already carries its timestamp \(cardinality/key\)`
		attribute.String("db.statement", "INSERT INTO orders (id) VALUES ($1)"),
		attribute.String("user_id", "system"),
		attribute.Bool("has_error", err != nil),
	))
	r.latency.Record(ctx, time.Since(start).Seconds(), metric.WithAttributes(attribute.String("db.operation", "insert")))
	return err
}

// Find records a query with a per-call instrument.
func (r *OrderRepo) Find(ctx context.Context, id int) (*Order, error) {
	c, _ := otel.Meter("shop/orders/db").Int64Counter("db.client.finds") // want `Int64Counter "db.client.finds" creates an instrument on every call of Find, which receives a request context.* \(cardinality/per-request-instrument\)`
	c.Add(ctx, 1, metric.WithAttributes(attribute.String("db.operation", "select")))
	row := r.db.QueryRowContext(ctx, "SELECT status FROM orders WHERE id = $1", id)
	o := &Order{ID: id}
	r.queries.Add(ctx, 1, metric.WithAttributes(
		attribute.String("row", strconv.Itoa(id)), // want `metric attribute "row" gets strconv.Itoa\(id\) \(id is named like a numeric id\).* \(cardinality/value\)`
		attribute.String("http.status_code", strconv.Itoa(http.StatusOK)),
		attribute.String("shard", strconv.Itoa(id%16)),
	))
	return o, row.Scan(&o.Status)
}

// ByCustomer records the customer's tier, looked up with a switch over
// constants: bounded.
func (r *OrderRepo) ByCustomer(ctx context.Context, customerID string, total int) {
	tier := "small"
	switch {
	case total > 1000:
		tier = "large"
	case total > 100:
		tier = "medium"
	}
	r.queries.Add(ctx, 1, metric.WithAttributes(
		attribute.String("customer.tier", tier),
		attribute.String("customer", customerID), // want `metric attribute "customer" gets customerID \(named like a customer id\).* \(cardinality/value\)`
	))
}
