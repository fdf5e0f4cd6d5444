// Package workers is a queue consumer that records job metrics.
package workers

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

var meter = otel.Meter("shop/worker")

var ErrRetry = errors.New("retry later")

type JobKind string

const (
	KindEmail   JobKind = "email"
	KindInvoice JobKind = "invoice"
)

type Job struct {
	ID      int64
	Kind    JobKind
	Queue   string
	Attempt int
	Started time.Time
}

type Worker struct {
	jobs      chan Job
	processed metric.Int64Counter
	queues    []string
}

// NewWorker builds its instruments once, in a constructor, also in a loop
// over a fixed list: no finding.
func NewWorker(queues []string) *Worker {
	w := &Worker{jobs: make(chan Job), queues: queues}
	w.processed, _ = meter.Int64Counter("jobs.processed")
	for _, q := range queues {
		_, _ = meter.Int64ObservableGauge("jobs.queue." + q + ".depth")
	}
	go func() {
		for job := range w.jobs {
			c, _ := meter.Int64Counter("jobs.seen") // want `Int64Counter "jobs.seen" creates an instrument on every iteration of the enclosing loop.* \(cardinality/per-request-instrument\)`
			c.Add(context.Background(), 1, metric.WithAttributes(attribute.String("queue", job.Queue)))
		}
	}()
	return w
}

// drain is neither a constructor nor a request handler: a loop in it runs
// per iteration.
func (w *Worker) drain() {
	for {
		job, ok := <-w.jobs
		if !ok {
			return
		}
		h, _ := meter.Float64Histogram("jobs.wait", metric.WithUnit("s")) // want `Float64Histogram "jobs.wait" creates an instrument on every iteration of the enclosing loop; create it once.* \(cardinality/per-request-instrument\)`
		h.Record(context.Background(), time.Since(job.Started).Seconds())
	}
}

// gauges builds one gauge per queue, once: a loop over a slice is not an
// event loop, no finding.
func (w *Worker) gauges() {
	for _, q := range w.queues {
		_, _ = meter.Int64ObservableGauge("jobs.queue." + q + ".size")
	}
	for i := 0; i < len(w.queues); i++ {
		_, _ = meter.Int64ObservableGauge("jobs.queue.age")
	}
}

// tick builds an instrument on every tick.
func (w *Worker) tick(t *time.Ticker) {
	for range t.C {
		g, _ := meter.Float64Gauge("jobs.tick") // want `Float64Gauge "jobs.tick" creates an instrument on every iteration of the enclosing loop.* \(cardinality/per-request-instrument\)`
		g.Record(context.Background(), 1)
	}
}

// kinds ranges over a literal: a fixed set of instruments, no finding.
func kinds() {
	for _, k := range []JobKind{KindEmail, KindInvoice} {
		_, _ = meter.Int64Counter("jobs." + string(k))
	}
}

func (w *Worker) process(ctx context.Context, job Job) {
	err := w.run(ctx, job)
	span := trace.SpanFromContext(ctx)
	runID := uuid.NewString()

	w.processed.Add(ctx, 1, metric.WithAttributes(
		attribute.String("job.kind", string(job.Kind)),
		attribute.String("queue", job.Queue),
		attribute.Int("attempt", job.Attempt),
		attribute.Bool("failed", err != nil),
		attribute.String("run", runID),                                // want `metric attribute "run" gets runID \(a uuid from uuid.NewString\(\)\): every distinct value is a new time series; move it to a span attribute or log field \(cardinality/value\)`
		attribute.String("batch", uuid.New().String()),                // want `metric attribute "batch" gets uuid.New\(\).String\(\) \(a uuid\).* \(cardinality/value\)`
		attribute.String("started", job.Started.Format(time.RFC3339)), // want `metric attribute "started" gets job.Started.Format\(time.RFC3339\) \(a formatted timestamp\): every distinct value is a new time series; drop it: every data point already carries its timestamp \(cardinality/value\)`
		attribute.String("day", job.Started.Weekday().String()),
		attribute.String("trace", span.SpanContext().TraceID().String()), // want `metric attribute "trace" gets span.SpanContext\(\).TraceID\(\).String\(\) \(a trace id\).* \(cardinality/value\)`
		attribute.String("job", strconv.FormatInt(job.ID, 10)),           // want `metric attribute "job" gets strconv.FormatInt\(job.ID, 10\) \(job.ID is named like a job id\).* \(cardinality/value\)`
		attribute.String("at", strconv.FormatInt(time.Now().Unix(), 10)), // want `metric attribute "at" gets strconv.FormatInt\(time.Now\(\).Unix\(\), 10\) \(a formatted timestamp from time.Now\(\).Unix\(\)\).* \(cardinality/value\)`
	))
	if err != nil {
		w.processed.Add(ctx, 1, metric.WithAttributes(
			attribute.String("error", err.Error()),                     // want `metric attribute "error" gets err.Error\(\) \(an error message\): every distinct value is a new time series; record a bounded error type or code instead \(cardinality/value\)`
			attribute.String("reason", fmt.Sprintf("failed: %v", err)), // want `metric attribute "reason" gets fmt.Sprintf\("failed: %v", err\) \(an error message from err\).* \(cardinality/value\)`
			attribute.String("sentinel", ErrRetry.Error()),
			attribute.String("error.type", errorType(err)),
			attribute.String("error.go_type", fmt.Sprintf("%T", err)),
			attribute.String("process.user", strconv.Itoa(os.Getuid())),
		))
	}
}

// errorType maps an error to a bounded class.
func errorType(err error) string {
	if errors.Is(err, ErrRetry) {
		return "retry"
	}
	return "other"
}

func (w *Worker) run(ctx context.Context, job Job) error {
	name := strings.ToLower(string(job.Kind))
	w.processed.Add(ctx, 1, metric.WithAttributes(attribute.String("job.name", name)))
	return nil
}

// Serve accepts connections in main-like set-up code; the loop is per
// connection.
func Serve(conns <-chan string) {
	for conn := range conns {
		c, _ := meter.Int64Counter("conns.accepted") // want `Int64Counter "conns.accepted" creates an instrument on every iteration of the enclosing loop.* \(cardinality/per-request-instrument\)`
		c.Add(context.Background(), 1, metric.WithAttributes(attribute.String("conn", conn)))
	}
	for len(conns) > 0 {
		_, _ = meter.Int64Counter("conns.backlog")
	}
}
