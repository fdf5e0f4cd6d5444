// Package runningtotals is a job worker whose gauges and up-down counters
// are judged over all their uses in the package.
package runningtotals

import (
	"context"
	"io"
	"runtime"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

var (
	// Only ever incremented, in two functions: a counter.
	jobsProcessed = prometheus.NewGauge(prometheus.GaugeOpts{ // want `prometheus.NewGauge "worker_jobs_processed" is only ever increased \(Inc\(\) at line \d+, Add\(2\) at line \d+\), never set or decreased: a running total is a counter, whose resets rate\(\) and increase\(\) handle; use prometheus.NewCounter \(cardinality/gauge-as-counter\)`
		Namespace: "worker",
		Name:      "jobs_processed",
	})

	// A vector only ever incremented through its children.
	retries = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "job_retries"}, []string{"queue"}) // want `prometheus.NewGaugeVec "job_retries" is only ever increased .*; use prometheus.NewCounterVec \(cardinality/gauge-as-counter\)`

	// Named like a total and only ever added to.
	bytesRead = prometheus.NewGauge(prometheus.GaugeOpts{Name: "input_bytes_read_total"}) // want `prometheus.NewGauge "input_bytes_read_total" is named like a total and only ever increased \(Add\(float64\(n\)\) at line \d+\).* \(cardinality/gauge-as-counter\)`

	// Negatives.

	// In flight: up on start, down on return.
	running = prometheus.NewGauge(prometheus.GaugeOpts{Name: "jobs_running"})
	// Set to the current value.
	cores = prometheus.NewGauge(prometheus.GaugeOpts{Name: "cpu_cores_total"})
	// Series removed when a queue goes away.
	queued = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "jobs_queued"}, []string{"queue"})
	// Added to by an amount of unknown sign, with no name saying total.
	backlog = prometheus.NewGauge(prometheus.GaugeOpts{Name: "backlog_items"})
	// Handed to another function, which may do anything with it.
	heartbeats = prometheus.NewGauge(prometheus.GaugeOpts{Name: "heartbeats"})
	// Children kept in a local that is also decremented.
	workers = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "workers_busy"}, []string{"pool"})
	// A method value may be called anywhere.
	ticks = prometheus.NewGauge(prometheus.GaugeOpts{Name: "ticks"})
	// Stored in a map: its later uses are out of sight.
	byName = map[string]prometheus.Gauge{}
	loaded = prometheus.NewGauge(prometheus.GaugeOpts{Name: "plugins_loaded"})
	// An info metric is 1 by convention, even when Inc() puts it there.
	buildInfo = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "worker_build_info"}, []string{"version"})
)

// Restarts is exported: other packages may set or decrease it.
var Restarts = prometheus.NewGauge(prometheus.GaugeOpts{Name: "restarts"})

func init() {
	prometheus.MustRegister(jobsProcessed, retries, bytesRead, running, cores, queued, backlog, heartbeats, workers, ticks, loaded, Restarts)
	collectors := []prometheus.Collector{jobsProcessed, retries}
	_ = collectors
	cores.Set(float64(runtime.NumCPU()))
	byName["loaded"] = loaded
	buildInfo.WithLabelValues("v1.2.3").Inc()
}

type worker struct {
	// An OpenTelemetry up-down counter only ever given +1: a counter.
	enqueued metric.Int64UpDownCounter
	// Up and down: fine.
	depth metric.Int64UpDownCounter
	// Increments of unknown sign and no total name.
	pending metric.Int64UpDownCounter
	// Injected by the caller: built elsewhere, used elsewhere.
	done prometheus.Gauge
	// Exported: other packages may decrease it.
	Sessions metric.Float64UpDownCounter
}

func newWorker(done prometheus.Gauge) (*worker, error) {
	meter := otel.Meter("worker")
	w := &worker{done: done}
	var err error
	w.enqueued, err = meter.Int64UpDownCounter("worker.enqueued") // want `Int64UpDownCounter "worker.enqueued" is only ever increased \(Add\(1\) at line \d+\), never decreased: a running total is a Counter, which back ends read as monotonic and can compute a rate of; use Int64Counter \(cardinality/gauge-as-counter\)`
	if err != nil {
		return nil, err
	}
	if w.depth, err = meter.Int64UpDownCounter("worker.depth"); err != nil {
		return nil, err
	}
	if w.pending, err = meter.Int64UpDownCounter("worker.pending"); err != nil {
		return nil, err
	}
	if w.Sessions, err = meter.Float64UpDownCounter("worker.sessions"); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *worker) enqueue(ctx context.Context, queue string) {
	w.enqueued.Add(ctx, 1)
	w.depth.Add(ctx, 1)
	queued.WithLabelValues(queue).Inc()
	w.Sessions.Add(ctx, 1)
}

func (w *worker) run(ctx context.Context, queue string, n int64) {
	w.depth.Add(ctx, -1)
	w.pending.Add(ctx, n)
	running.Inc()
	defer running.Dec()

	jobsProcessed.Inc()
	retries.WithLabelValues(queue).Inc()
	retries.With(prometheus.Labels{"queue": queue}).Add(1)
	w.done.Inc()

	busy := workers.WithLabelValues("default")
	busy.Inc()
	defer busy.Dec()
	inc := ticks.Inc
	inc()
	byName["loaded"].Inc()
	loaded.Inc()
	Restarts.Inc()
}

func finish(delta float64) {
	jobsProcessed.Add(2)
	backlog.Add(delta)
	report(heartbeats)
}

func (w *worker) read(r io.Reader, buf []byte) error {
	n, err := r.Read(buf)
	bytesRead.Add(float64(n))
	return err
}

func dropQueue(queue string) {
	queued.DeleteLabelValues(queue)
}

func report(g prometheus.Gauge) { g.Inc() }
