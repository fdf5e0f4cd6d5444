package leafspans

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"strconv"
	"sync"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

type Catalog struct {
	db    *sql.DB
	mu    sync.Mutex
	cache map[string]int64
}

// Price reads the price from the database.
func (c *Catalog) Price(ctx context.Context, sku string) (int64, error) {
	ctx, span := tracer.Start(ctx, "Catalog.Price")
	defer span.End()
	var cents int64
	err := c.db.QueryRowContext(ctx, "SELECT cents FROM prices WHERE sku = ?", sku).Scan(&cents)
	return cents, err
}

// Quote hands its context to the next step.
func (c *Catalog) Quote(ctx context.Context, sku string, qty int64) (int64, error) {
	ctx, span := tracer.Start(ctx, "Catalog.Quote")
	defer span.End()
	p, err := c.Price(ctx, sku)
	return p * qty, err
}

// Cached waits for the cache lock: a span that shows lock contention.
func (c *Catalog) Cached(ctx context.Context, sku string) (int64, bool) {
	_, span := tracer.Start(ctx, "Catalog.Cached")
	defer span.End()
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.cache[sku]
	return p, ok
}

// Encode marshals a quote: encoding/json is not on the list of known pure
// helpers, so the rule does not judge how long it takes.
func Encode(ctx context.Context, v any) ([]byte, error) {
	_, span := tracer.Start(ctx, "Encode")
	defer span.End()
	return json.Marshal(v)
}

// ParseQty records the parse error on its span.
func ParseQty(ctx context.Context, s string) (int, error) {
	_, span := tracer.Start(ctx, "ParseQty")
	defer span.End()
	n, err := strconv.Atoi(s)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "bad quantity")
		return 0, err
	}
	return n, nil
}

// Total sums a cart of any size.
func Total(ctx context.Context, prices []int64) int64 {
	_, span := tracer.Start(ctx, "Total")
	defer span.End()
	var t int64
	for _, p := range prices {
		t += p
	}
	return t
}

// StartCheckout returns the span to its caller, which ends it after the
// payment: the span covers more than this function.
func StartCheckout(ctx context.Context, cart string) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, "Checkout")
	span.SetAttributes()
	return ctx, span
}

// loadRates reads the exchange rates from disk.
func loadRates() ([]byte, error) { return os.ReadFile("/etc/rates.json") }

// Rates calls a same-package helper that does I/O.
func Rates(ctx context.Context) ([]byte, error) {
	_, span := tracer.Start(ctx, "Rates")
	defer span.End()
	return loadRates()
}

// Apply runs a rule handed in by the caller: it may do anything.
func Apply(ctx context.Context, rule func(int64) int64, total int64) int64 {
	_, span := tracer.Start(ctx, "Apply")
	defer span.End()
	return rule(total)
}
