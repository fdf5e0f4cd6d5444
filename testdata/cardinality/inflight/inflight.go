// Package inflight counts requests and connections, sometimes with the
// wrong instrument: a counter given a value that goes down.
package inflight

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

const decrement = -1

var meter = otel.Meter("inflight")

type metrics struct {
	active    metric.Int64Counter
	inFlight  metric.Int64UpDownCounter
	processed metric.Int64Counter
	bytes     metric.Float64Counter
	drift     metric.Int64Counter
}

func newMetrics() (*metrics, error) {
	m := &metrics{}
	var err error
	if m.active, err = meter.Int64Counter("http.server.active_requests"); err != nil {
		return nil, err
	}
	if m.inFlight, err = meter.Int64UpDownCounter("http.server.in_flight"); err != nil {
		return nil, err
	}
	if m.processed, err = meter.Int64Counter("jobs.processed"); err != nil {
		return nil, err
	}
	if m.bytes, err = meter.Float64Counter("io.bytes"); err != nil {
		return nil, err
	}
	if m.drift, err = meter.Int64Counter("clock.drift"); err != nil {
		return nil, err
	}
	return m, nil
}

var (
	connections = prometheus.NewCounter(prometheus.CounterOpts{Name: "connections_total"})
	openConns   = prometheus.NewGauge(prometheus.GaugeOpts{Name: "connections_open"})
	queueBytes  = prometheus.NewCounter(prometheus.CounterOpts{Name: "queue_bytes_total"})
	cpuSeconds  = prometheus.NewCounter(prometheus.CounterOpts{Name: "cpu_seconds_total"})
)

// Middleware uses a counter for a value that goes up and down.
func (m *metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		m.active.Add(ctx, 1)
		defer m.active.Add(ctx, -1) // want `m.active.Add is given a value that can be negative \(the negative constant -1\): a Counter's increments must be non-negative and back ends read its sum as monotonic \(a decrease looks like a restart\); use an Int64UpDownCounter for a value that goes down \(cardinality/counter-decrement\)`

		m.inFlight.Add(ctx, 1) // an up-down counter may go down
		defer m.inFlight.Add(ctx, -1)

		next.ServeHTTP(w, r)
	})
}

// track is the package's wrapper; one caller passes a decrement.
func (m *metrics) track(ctx context.Context, delta int64) {
	m.processed.Add(ctx, delta) // want `m.processed.Add is given a value that can be negative \(the negative constant decrement \(-1\), passed as delta by the call of track at line \d+\).* \(cardinality/counter-decrement\)`
}

func (m *metrics) work(ctx context.Context, jobs []string) {
	for range jobs {
		m.track(ctx, 1)
	}
	m.track(ctx, decrement)
}

// resize records the change of a cache's size in bytes on a counter.
func (m *metrics) resize(ctx context.Context, oldSize, newSize int64) {
	grown := newSize - oldSize
	m.bytes.Add(ctx, float64(grown)) // want `m.bytes.Add is given a value that can be negative \(the difference newSize - oldSize, assigned to grown at line \d+\).* use a Float64UpDownCounter.* \(cardinality/counter-decrement\)`
}

// skew records a signed offset.
func (m *metrics) skew(ctx context.Context, local, remote time.Duration) {
	m.drift.Add(ctx, -int64(local)) // want `m.drift.Add is given a value that can be negative \(the negation -int64\(local\)\).* \(cardinality/counter-decrement\)`
}

func connClosed() {
	connections.Add(-1) // want `connections.Add is given a value that can be negative \(the negative constant -1\): a Prometheus counter panics on a negative value; count what goes down with a Gauge \(Add/Sub or Inc/Dec\) \(cardinality/counter-decrement\)`
	openConns.Add(-1)   // a gauge may go down
	openConns.Dec()
}

func drained(n float64) {
	queueBytes.Add(n * -1) // want `queueBytes.Add is given a value that can be negative \(n \* -1, a product with the negative constant -1\).* \(cardinality/counter-decrement\)`
}

// Negatives: increments that cannot go below zero.

// stats is a cumulative reading of a library's counters.
type stats struct {
	Hits, Misses int64
	CPU          time.Duration
}

type poller struct {
	m        *metrics
	prev     stats
	lastSeen int64
}

// poll turns cumulative readings into increments: cur - prev of the same
// field is the delta since the last poll.
func (p *poller) poll(ctx context.Context, cur stats) {
	p.m.processed.Add(ctx, cur.Hits-p.prev.Hits)
	cpuSeconds.Add((cur.CPU - p.prev.CPU).Seconds())
	p.prev = cur
}

// sync adds what a total grew by since it was last stored.
func (p *poller) sync(ctx context.Context, total int64) {
	p.m.processed.Add(ctx, total-p.lastSeen)
	p.lastSeen = total
}

// guarded only adds positive differences.
func (m *metrics) guarded(ctx context.Context, want, have int64) {
	if d := want - have; d > 0 {
		m.processed.Add(ctx, d)
	}
	missing := want - have
	if missing <= 0 {
		return
	}
	m.processed.Add(ctx, missing)
}

// clamped keeps the difference non-negative with max.
func (m *metrics) clamped(ctx context.Context, want, have int64) {
	m.processed.Add(ctx, max(want-have, 0))
}

// elapsed adds a time difference.
func (m *metrics) elapsed(ctx context.Context, start time.Time, startNanos int64) {
	m.bytes.Add(ctx, float64(time.Now().UnixNano()-startNanos))
	m.bytes.Add(ctx, float64(time.Now().Sub(start).Milliseconds()))
}

// unsignedDelta cannot go below zero: it would wrap.
func (m *metrics) unsignedDelta(ctx context.Context, sent, acked uint64) {
	m.bytes.Add(ctx, float64(sent-acked))
}

// positive wrappers and constants.
func (m *metrics) positive(ctx context.Context, batch []string) {
	m.processed.Add(ctx, int64(len(batch)))
	m.processed.Add(ctx, 2)
	connections.Inc()
	connections.Add(float64(len(batch)))
	m.record(ctx, 3)
	m.record(ctx, int64(len(batch)))
}

func (m *metrics) record(ctx context.Context, n int64) {
	m.processed.Add(ctx, n)
}

// rangeReader counts the bytes asked of an object store. A length of -1
// means "to the end of the object"; the exported entry point sends those
// reads around the counting path, so the helper only sees positive lengths.
type rangeReader struct {
	m *metrics
}

func (r *rangeReader) ReadRange(ctx context.Context, name string, off, length int64) error {
	if off < 0 || length <= 0 {
		return r.readUncounted(ctx, name, off, length)
	}
	return r.countedRange(ctx, name, off, length)
}

func (r *rangeReader) countedRange(ctx context.Context, name string, off, length int64) error {
	r.m.bytes.Add(ctx, float64(length))
	return r.readUncounted(ctx, name, off, length)
}

func (r *rangeReader) readUncounted(ctx context.Context, name string, off, length int64) error {
	return nil
}

// ReadAll reads a whole object.
func (r *rangeReader) ReadAll(ctx context.Context, name string) error {
	return r.ReadRange(ctx, name, 0, -1)
}

// entry is a cached value with a deadline.
type entry struct {
	key     string
	expires time.Time
}

// dropExpired counts what a filter removed: the kept entries are a subset
// of the input, so the count before minus the count after cannot go below
// zero.
func (m *metrics) dropExpired(ctx context.Context, entries []entry, now time.Time) []entry {
	before := len(entries)
	kept := entries[:0]
	for _, e := range entries {
		if e.expires.After(now) {
			kept = append(kept, e)
		}
	}
	m.processed.Add(ctx, int64(before-len(kept)))
	return kept
}

// dedupe counts the duplicates removed over a set of batches.
func dedupe(batches [][]string) {
	var total, unique int
	for i := range batches {
		total += len(batches[i])
		batches[i] = uniq(batches[i])
		unique += len(batches[i])
	}
	queueBytes.Add(float64(total - unique))
}

func uniq(keys []string) []string {
	seen := map[string]bool{}
	out := keys[:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
