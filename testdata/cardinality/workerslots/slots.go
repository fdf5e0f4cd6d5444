// Package workerslots publishes the slots of the workers registered with a
// scheduler. One series per worker is fine while the series of a worker
// that went away are deleted: the number of series follows the workers
// alive. Per-job series that nobody deletes grow with every job.
package workerslots

import (
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	workerSlots = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "scheduler_worker_slots",
		Help: "Slots of each registered worker.",
	}, []string{"worker_id", "worker_name"})
	usedSlots = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "scheduler_worker_used_slots",
		Help: "Slots in use on each registered worker.",
	}, []string{"worker_id"})
	jobSlots = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "scheduler_job_slots",
		Help: "Slots held by each job.",
	}, []string{"job"})
)

// Worker is a worker registered with the scheduler.
type Worker struct {
	ID    uuid.UUID
	Name  string
	Slots int
	Used  int
}

// Publisher remembers which workers it published, to drop the ones that
// left.
type Publisher struct {
	published map[uuid.UUID]string
}

// Publish sets the gauges of the registered workers and deletes the series
// of the workers that are gone.
func (p *Publisher) Publish(workers []Worker) {
	seen := make(map[uuid.UUID]bool, len(workers))
	for _, w := range workers {
		seen[w.ID] = true
		workerSlots.WithLabelValues(w.ID.String(), w.Name).Set(float64(w.Slots))
		usedSlots.WithLabelValues(w.ID.String()).Set(float64(w.Used))
		p.published[w.ID] = w.Name
	}
	for id, name := range p.published {
		if !seen[id] {
			workerSlots.DeleteLabelValues(id.String(), name)
			usedSlots.DeletePartialMatch(prometheus.Labels{"worker_id": id.String()})
			delete(p.published, id)
		}
	}
}

// Hold records the slots a job holds: a new series for every job, never
// deleted.
func Hold(jobID uuid.UUID, slots int) {
	jobSlots.WithLabelValues(jobID.String()).Set(float64(slots)) // want `^label "job" of scheduler_job_slots gets jobID\.String\(\) \(a uuid\): every distinct value is a new time series; .*\(cardinality/value\)$`
}
