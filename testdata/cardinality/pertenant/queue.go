// Package pertenant is the scheduler of a multi-tenant job service: its
// metrics are broken down per tenant on purpose (each tenant's queue depth
// is watched and billed), and a tenant id is bounded by the number of
// customers. A run id, in contrast, is new on every run.
package pertenant

import (
	"context"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var (
	queued = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "scheduler_queued_tasks",
		Help: "Tasks waiting in each tenant's queue.",
	}, []string{"tenant_id", "queue"})
	assigned = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "scheduler_assigned_tasks_total",
		Help: "Tasks assigned to a worker, per tenant.",
	}, []string{"tenant_id"})
	runsFinished = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "scheduler_runs_finished_total",
		Help: "Finished runs.",
	}, []string{"run"})

	meter          = otel.Meter("scheduler")
	rateLimited, _ = meter.Int64Counter("scheduler.rate_limited")
)

// Tenant is a customer of the service.
type Tenant struct {
	ID   uuid.UUID
	Name string
}

// Queuer schedules one tenant's tasks.
type Queuer struct {
	tenantId uuid.UUID
	queue    string
}

// Report publishes the queue's depth.
func (q *Queuer) Report(depth int) {
	queued.WithLabelValues(q.tenantId.String(), q.queue).Set(float64(depth))
}

// Assign records an assignment and a rate-limited tenant.
func Assign(ctx context.Context, t Tenant, tenantId uuid.UUID, limited bool) {
	tenantIdStr := tenantId.String()
	assigned.WithLabelValues(tenantIdStr).Inc()
	if limited {
		rateLimited.Add(ctx, 1, metric.WithAttributes(attribute.String("tenant_id", t.ID.String())))
	}
}

// Finish records a finished run: every run has its own id.
func Finish(runID uuid.UUID) {
	runsFinished.WithLabelValues(runID.String()).Inc() // want `label "run" of scheduler_runs_finished_total gets runID\.String\(\) \(a uuid\)`
}
