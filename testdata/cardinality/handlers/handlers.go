// Package handlers is an HTTP API whose handlers record metrics.
package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var meter = otel.Meter("shop/orders")

// Instruments built by package-level initialisers and init: no finding.
var (
	ordersPlaced, _ = meter.Int64Counter("orders.placed")
	inFlight        metric.Int64UpDownCounter
	promOrders      = prometheus.NewCounter(prometheus.CounterOpts{Name: "orders_placed_total", Help: "Orders placed."})
)

func init() {
	inFlight, _ = meter.Int64UpDownCounter("orders.in_flight")
	prometheus.MustRegister(promOrders)
}

type OrderHandler struct {
	once     sync.Once
	rejected metric.Int64Counter
}

// ServeHTTP creates instruments on every request.
func (h *OrderHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := meter.Int64Counter("orders.requests") // want `Int64Counter "orders.requests" creates an instrument on every request \(in HTTP handler ServeHTTP\); create it once at start-up \(a package-level var, a constructor or sync.Once\) and reuse it \(cardinality/per-request-instrument\)`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	c.Add(r.Context(), 1)

	// Built once, lazily: no finding.
	h.once.Do(func() {
		h.rejected, _ = meter.Int64Counter("orders.rejected")
	})
	ordersPlaced.Add(r.Context(), 1)
	inFlight.Add(r.Context(), 1)
	defer inFlight.Add(r.Context(), -1)
	promOrders.Inc()
}

// Refund is a plain handler function.
func Refund(w http.ResponseWriter, r *http.Request) {
	refunds := prometheus.NewCounter(prometheus.CounterOpts{Name: "refunds_total"}) // want `prometheus.NewCounter "refunds_total" creates an instrument on every request \(in HTTP handler Refund\).* \(cardinality/per-request-instrument\)`
	prometheus.MustRegister(refunds)
	refunds.Inc()
	w.WriteHeader(http.StatusAccepted)
}

// Cancel registers an existing collector on every request.
func Cancel(w http.ResponseWriter, r *http.Request) {
	prometheus.MustRegister(promOrders) // want `prometheus.MustRegister is called on every request \(in HTTP handler Cancel\); register once at start-up \(in a constructor, init or sync.Once\): registering again fails or leaks a registration \(cardinality/per-request-instrument\)`
	w.WriteHeader(http.StatusOK)
}

// Routes wires closures: the constructor itself runs once, the handlers
// run per request.
func Routes(mux *http.ServeMux) {
	hist, _ := meter.Float64Histogram("orders.size", metric.WithUnit("{item}"))
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, r *http.Request) {
		var items []string
		_ = json.NewDecoder(r.Body).Decode(&items)
		hist.Record(r.Context(), float64(len(items)))
		g, _ := meter.Int64Gauge("orders.last_size") // want `Int64Gauge "orders.last_size" creates an instrument on every request \(in this HTTP handler function literal\).* \(cardinality/per-request-instrument\)`
		g.Record(r.Context(), int64(len(items)))
		go func() {
			bg, _ := meter.Int64Counter("orders.async") // want `Int64Counter "orders.async" creates an instrument on every request \(in this HTTP handler function literal\).* \(cardinality/per-request-instrument\)`
			bg.Add(context.Background(), 1)
		}()
	})
}

// Service methods receive a request context.
type Service struct {
	placed metric.Int64Counter
}

// NewService is a constructor that receives a context: no finding.
func NewService(ctx context.Context) (*Service, error) {
	placed, err := meter.Int64Counter("orders.service.placed")
	if err != nil {
		return nil, err
	}
	return &Service{placed: placed}, nil
}

func (s *Service) Place(ctx context.Context, sku string) error {
	s.placed.Add(ctx, 1, metric.WithAttributes(attribute.String("sku.class", "standard")))
	dup, _ := meter.Int64Counter("orders.service.attempts") // want `Int64Counter "orders.service.attempts" creates an instrument on every call of Place, which receives a request context.* \(cardinality/per-request-instrument\)`
	dup.Add(ctx, 1)
	return nil
}

// Setup runs once at start-up even though it takes a context: no finding.
func Setup(ctx context.Context) (metric.Int64Counter, error) {
	return meter.Int64Counter("orders.setup")
}

// counter is a factory: its callers decide how often it runs.
func counter(ctx context.Context, name string) metric.Int64Counter {
	c, _ := meter.Int64Counter(name)
	return c
}

var _ = counter

// Suppressed with a directive: no finding.
func Debug(w http.ResponseWriter, r *http.Request) {
	//otellint:ignore cardinality debug endpoint, called by hand
	c, _ := meter.Int64Counter("orders.debug")
	c.Add(r.Context(), 1)
}

// Recorder creates counters lazily, once per name, and caches them: no
// finding.
type Recorder struct {
	mu       sync.Mutex
	counters map[string]metric.Int64Counter
	total    metric.Int64Counter
}

func (rec *Recorder) Inc(ctx context.Context, name string) {
	rec.mu.Lock()
	c, ok := rec.counters[name]
	if !ok {
		c, _ = meter.Int64Counter(name)
		rec.counters[name] = c
	}
	if rec.total == nil {
		rec.total, _ = meter.Int64Counter("recorder.total")
	}
	rec.mu.Unlock()
	c.Add(ctx, 1)
	rec.total.Add(ctx, 1)
}

// Reset re-creates the counter on every call even though it stores it.
func (rec *Recorder) Reset(ctx context.Context) {
	rec.total, _ = meter.Int64Counter("recorder.total") // want `Int64Counter "recorder.total" creates an instrument on every call of Reset, which receives a request context.* \(cardinality/per-request-instrument\)`
	if ctx.Err() == nil {
		tmp, _ := meter.Int64Counter("recorder.tmp") // want `Int64Counter "recorder.tmp" creates an instrument on every call of Reset.* \(cardinality/per-request-instrument\)`
		tmp.Add(ctx, 1)
	}
}
