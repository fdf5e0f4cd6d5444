// Package callerroots is a job worker: a listener loop hands each assigned
// job to executeJob on a fresh root of its own, so the helpers below it are
// only ever given that empty root, and a fresh context in them loses no
// trace. The same helpers called from a traced request do lose one.
package callerroots

import (
	"context"
	"errors"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("worker")

type Job struct {
	ID    string
	Batch []string
}

type Alerter interface {
	SendAlert(ctx context.Context, err error, fields map[string]any)
}

type Dispatcher interface {
	SendEvent(ctx context.Context, jobID, kind string) error
}

type Worker struct {
	alerter    Alerter
	dispatcher Dispatcher
	jobs       chan *Job
}

// listen receives jobs until the channel is closed; each job runs on its
// own root.
func (w *Worker) listen() {
	for j := range w.jobs {
		go func() {
			_ = w.executeJob(context.Background(), j)
		}()
	}
}

func (w *Worker) executeJob(ctx context.Context, j *Job) error {
	if len(j.Batch) > 0 {
		return w.runBatch(ctx, j)
	}
	return w.runSingle(ctx, j)
}

func (w *Worker) runSingle(ctx context.Context, j *Job) error {
	if j.ID == "" {
		err := errors.New("job without id")
		w.alerter.SendAlert(context.Background(), err, map[string]any{"job": j.ID})
		return err
	}
	return w.dispatcher.SendEvent(ctx, j.ID, "started")
}

func (w *Worker) runBatch(ctx context.Context, j *Job) error {
	if err := w.dispatcher.SendEvent(ctx, j.ID, "batch-started"); err != nil {
		return w.reportBatchFailure(ctx, j, err)
	}
	return nil
}

func (w *Worker) reportBatchFailure(ctx context.Context, j *Job, cause error) error {
	sendCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, id := range j.Batch {
		if err := w.dispatcher.SendEvent(sendCtx, id, "failed: "+cause.Error()); err != nil {
			return err
		}
	}
	return nil
}

// Server takes jobs over HTTP, in a traced request, and also runs them.
type Server struct{ w *Worker }

func (s *Server) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "jobs.run_now")
	defer span.End()
	if err := s.w.retry(ctx, &Job{ID: r.URL.Query().Get("id")}); err != nil {
		http.Error(rw, err.Error(), http.StatusInternalServerError)
	}
}

// retry is called from the worker's empty root and from a traced request:
// the request's trace is lost here.
func (w *Worker) retry(ctx context.Context, j *Job) error {
	return w.dispatcher.SendEvent(context.Background(), j.ID, "retried") // want `use ctx \(parameter of retry\) instead of context\.Background\(\)`
}

// Requeue is exported: callers in other packages may pass a traced context.
func (w *Worker) Requeue(ctx context.Context, j *Job) error {
	return w.dispatcher.SendEvent(context.Background(), j.ID, "requeued") // want `use ctx \(parameter of Requeue\) instead of context\.Background\(\)`
}

func (w *Worker) requeueAll(jobs []*Job) {
	for _, j := range jobs {
		_ = w.Requeue(context.Background(), j)
		_ = w.retry(context.Background(), j)
	}
}

// cancelJob starts its own span from ctx: that context carries a trace
// even though every caller passes an empty root.
func (w *Worker) cancelJob(ctx context.Context, j *Job) error {
	ctx, span := tracer.Start(ctx, "worker.cancel_job")
	defer span.End()
	return w.dispatcher.SendEvent(context.Background(), j.ID, "cancelled") // want `use ctx \(parameter of cancelJob\) instead of context\.Background\(\)`
}

// onTimeout is handed on as a callback: its callers are not all in sight.
func (w *Worker) onTimeout(ctx context.Context, j *Job) {
	w.alerter.SendAlert(context.Background(), errors.New("job timed out"), map[string]any{"job": j.ID}) // want `use ctx \(parameter of onTimeout\) instead of context\.Background\(\)`
}

func (w *Worker) watch(j *Job, after func(context.Context, *Job)) {
	_ = w.cancelJob(context.Background(), j)
	after(context.Background(), j)
}

func (w *Worker) start(j *Job) { w.watch(j, w.onTimeout) }
