package startup

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/metric"
)

// Reporter publishes the number of runs in flight. The controller starts
// each of its reporting loops once, on a goroutine of its own, and they
// run until the controller stops.
type Reporter struct {
	meter   metric.Meter
	running metric.Int64ObservableGauge
	count   func() int64
}

// ReportRunning registers the gauge's callback, then waits for the
// controller to stop.
func (r *Reporter) ReportRunning(ctx context.Context) {
	reg, err := r.meter.RegisterCallback(func(_ context.Context, o metric.Observer) error {
		o.ObserveInt64(r.running, r.count())
		return nil
	}, r.running)
	if err != nil {
		return
	}
	<-ctx.Done()
	_ = reg.Unregister()
}

// PollQueue samples the queue length until the controller stops.
func (r *Reporter) PollQueue(ctx context.Context, length func() int64) {
	gauge, _ := r.meter.Int64Gauge("queue_length")
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			gauge.Record(ctx, length())
		}
	}
}

// Sample records one run's queue time: it is called for every run, so
// registering a callback here adds one more callback each time.
func (r *Reporter) Sample(ctx context.Context, waited time.Duration) {
	_, _ = r.meter.RegisterCallback(func(_ context.Context, o metric.Observer) error { // want `RegisterCallback is called on every call of Sample, which receives a request context`
		o.ObserveInt64(r.running, r.count())
		return nil
	}, r.running)
}
