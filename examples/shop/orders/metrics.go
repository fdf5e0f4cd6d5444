package orders

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

var meter = otel.Meter("example.com/shop/orders")

// instruments are created once, at start-up.
type instruments struct {
	placed   metric.Int64Counter
	duration metric.Float64Histogram
}

func newInstruments() (*instruments, error) {
	placed, err := meter.Int64Counter("shop.orders.placed", metric.WithDescription("orders placed"), metric.WithUnit("{order}"))
	if err != nil {
		return nil, err
	}
	duration, err := meter.Float64Histogram("shop.http.server.duration",
		metric.WithDescription("time to serve an order request"),
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))
	if err != nil {
		return nil, err
	}
	return &instruments{placed: placed, duration: duration}, nil
}
