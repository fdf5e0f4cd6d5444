// Package repositories is the order service's storage layer.
package repositories

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type Order struct {
	ID         int64
	CustomerID string
	Status     string
}

type OrderRepository struct {
	db     *sql.DB
	tracer trace.Tracer
}

func NewOrderRepository(db *sql.DB) *OrderRepository {
	return &OrderRepository{db: db, tracer: otel.Tracer("shop/repositories")}
}

func (r *OrderRepository) Get(ctx context.Context, id int64) (*Order, error) {
	ctx, span := r.tracer.Start(ctx, "Get")
	defer span.End()
	return r.scan(ctx, id)
}

func (r *OrderRepository) scan(ctx context.Context, id int64) (*Order, error) {
	ctx, span := r.tracer.Start(ctx, "SELECT orders")
	defer span.End()
	span.SetAttributes(attribute.Int64("order.id", id))
	o := &Order{}
	err := r.db.QueryRowContext(ctx, "SELECT id, customer_id, status FROM orders WHERE id = $1", id).Scan(&o.ID, &o.CustomerID, &o.Status)
	return o, err
}

func (r *OrderRepository) Find(ctx context.Context, id int64) (*Order, error) {
	ctx, span := r.tracer.Start(ctx, fmt.Sprintf("SELECT orders WHERE id=%d", id)) // want `^span name is built from id \(an ID\), which has unbounded cardinality; use a fixed name and record id as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	return r.scan(ctx, id)
}

func (r *OrderRepository) ForCustomer(ctx context.Context, customerID string) ([]Order, error) {
	ctx, span := r.tracer.Start(ctx, "OrderRepository.ForCustomer/"+customerID) // want `^span name is built from customerID \(an ID\), which has unbounded cardinality; use a fixed name such as "OrderRepository\.ForCustomer" and record customerID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	_, _ = r.db.QueryContext(ctx, "SELECT id FROM orders WHERE customer_id = $1", customerID)
	return nil, nil
}

func (r *OrderRepository) Load(ctx context.Context, o *Order) error {
	_, span := r.tracer.Start(ctx, "OrderRepository.Load."+strconv.FormatInt(o.ID, 10)) // want `^span name is built from o\.ID \(an ID\), which has unbounded cardinality; use a fixed name such as "OrderRepository\.Load" and record o\.ID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	return nil
}

// Status is the documented form: a fixed name, the ID as an attribute.
func (r *OrderRepository) Status(ctx context.Context, o *Order) error {
	_, span := r.tracer.Start(ctx, "OrderRepository.Status", trace.WithAttributes(attribute.Int64("order.id", o.ID)))
	defer span.End()
	_, span2 := r.tracer.Start(ctx, "OrderRepository.Status."+o.Status)
	defer span2.End()
	return nil
}

func (r *OrderRepository) Save(ctx context.Context, o *Order) error {
	_, span := r.tracer.Start(ctx, "db.query")
	defer span.End()
	_, span2 := r.tracer.Start(ctx, "orderRepository.save")
	defer span2.End()
	return nil
}

type table string

const (
	ordersTable    table = "orders"
	customersTable table = "customers"
)

// count formats an enumerated table name: bounded.
func (r *OrderRepository) count(ctx context.Context, t table) (int, error) {
	_, span := r.tracer.Start(ctx, fmt.Sprintf("SELECT %s", t))
	defer span.End()
	return 0, nil
}

func (r *OrderRepository) Counts(ctx context.Context) {
	r.count(ctx, ordersTable)
	r.count(ctx, customersTable)
}

func (r *OrderRepository) Retry(ctx context.Context, o *Order) error {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		_, span := r.tracer.Start(ctx, fmt.Sprintf("OrderRepository.Save.Attempt%d", attempt))
		span.End()
	}
	if lastErr != nil {
		_, span := r.tracer.Start(ctx, fmt.Sprintf("OrderRepository.Save failed: %v", lastErr)) // want `^span name is built from lastErr \(an error message\), .* \(spanname/dynamic\)$`
		span.End()
	}
	return lastErr
}

// Archive runs nightly; the date goes in an attribute, not the name.
func (r *OrderRepository) Archive(ctx context.Context, orderIDs []int64) error {
	_, span := r.tracer.Start(ctx, "OrderRepository.Archive."+time.Now().Format("20060102")) // want `^span name is built from time\.Now\(\)\.Format\("20060102"\) \(a timestamp\), which has unbounded cardinality; use a fixed name such as "OrderRepository\.Archive" and record time\.Now\(\)\.Format\("20060102"\) as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	_, span2 := r.tracer.Start(ctx, fmt.Sprintf("OrderRepository.Archive.First%d", orderIDs[0])) // want `^span name is built from orderIDs \(an ID\), .* \(spanname/dynamic\)$`
	defer span2.End()
	_, span3 := r.tracer.Start(ctx, "OrderRepository.Archive", trace.WithAttributes(attribute.String("archive.date", time.Now().Format(time.DateOnly))))
	defer span3.End()
	return nil
}

// Spans named like a Go qualified identifier (package.Func) name the
// operation and its domain: the lower-case package is not a finding.
func (r *OrderRepository) ArchiveOne(ctx context.Context, id int64) error {
	ctx, span := r.tracer.Start(ctx, "repositories.ArchiveOrder")
	defer span.End()
	_, err := r.db.ExecContext(ctx, "UPDATE orders SET archived = true WHERE id = $1", id)
	return err
}
