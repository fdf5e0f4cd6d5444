// Package callbacks reports pool statistics with observable instruments.
package callbacks

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

type Conn struct {
	ID         string
	RemoteAddr string
	Pool       string
	Idle       bool
}

type Pool struct {
	meter metric.Meter
	conns []Conn
	open  metric.Int64ObservableGauge
}

// NewPool registers its callbacks once: no per-request finding.
func NewPool(conns []Conn) (*Pool, error) {
	p := &Pool{meter: otel.Meter("shop/pool"), conns: conns}
	var err error
	p.open, err = p.meter.Int64ObservableGauge("pool.connections.open",
		metric.WithInt64Callback(func(ctx context.Context, o metric.Int64Observer) error {
			for _, c := range p.conns {
				o.Observe(1,
					metric.WithAttributes(
						attribute.String("pool", c.Pool),
						attribute.Bool("idle", c.Idle),
						attribute.String("conn.state", connState(c)),
						attribute.String("peer", c.RemoteAddr), // want `metric attribute "peer" gets c.RemoteAddr \(named like a client address\).* \(cardinality/value\)`
					))
			}
			return nil
		}))
	if err != nil {
		return nil, err
	}
	_, err = p.meter.RegisterCallback(p.observe, p.open)
	return p, err
}

func (p *Pool) observe(ctx context.Context, o metric.Observer) error {
	o.ObserveInt64(p.open, int64(len(p.conns)), metric.WithAttributes(attribute.String("pool", "main")))
	extra, _ := p.meter.Int64ObservableCounter("pool.extra") // want `Int64ObservableCounter "pool.extra" creates an instrument on every collection \(in observable callback observe\).* \(cardinality/per-request-instrument\)`
	for _, c := range p.conns {
		o.ObserveInt64(p.open, 1, metric.WithAttributes(attribute.String("conn", c.ID), attribute.String("id", c.ID))) // want `metric attribute "id" names an id, an unbounded value.* \(cardinality/key\)`
	}
	_ = extra
	return nil
}

// Stats registers a callback on every request.
func (p *Pool) Stats(w http.ResponseWriter, r *http.Request) {
	reg, err := p.meter.RegisterCallback(p.observe, p.open) // want `RegisterCallback is called on every request \(in HTTP handler Stats\); register once at start-up.* \(cardinality/per-request-instrument\)`
	if err == nil {
		defer reg.Unregister()
	}
	w.WriteHeader(http.StatusOK)
}

// connState is bounded: it returns one of two constants.
func connState(c Conn) string {
	if c.Idle {
		return "idle"
	}
	return "used"
}

// ObserveQueue sets up a gauge for its caller, who passes the meter: no
// finding although it receives a context.
func ObserveQueue(ctx context.Context, m metric.Meter, depth func() int64) error {
	g, err := m.Int64ObservableGauge("queue.depth")
	if err != nil {
		return err
	}
	_, err = m.RegisterCallback(func(_ context.Context, o metric.Observer) error {
		o.ObserveInt64(g, depth())
		return nil
	}, g)
	return err
}
