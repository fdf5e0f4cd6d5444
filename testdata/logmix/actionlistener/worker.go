// Package actionlistener is a worker that takes actions from the
// dispatcher's stream for as long as its context lives. Each action is a
// unit of work of its own: the context at hand in the loop is the worker's
// lifetime, and logs about one action have no trace to carry through it. A
// loop over a channel the worker fills itself, or a context the worker
// traced, is not such a lifetime.
package actionlistener

import (
	"context"
	"log/slog"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("actionlistener")

// Action is one unit of work.
type Action struct {
	ID   string
	Step string
}

// Dispatcher streams the actions assigned to a worker.
type Dispatcher interface {
	Actions(ctx context.Context, worker string) (<-chan Action, error)
}

// Worker runs actions.
type Worker struct {
	name   string
	d      Dispatcher
	logger *slog.Logger
	run    func(context.Context, Action) error
}

// Listen takes actions until ctx ends.
func (w *Worker) Listen(ctx context.Context) error {
	actions, err := w.d.Actions(ctx, w.name)
	if err != nil {
		return err
	}
	for {
		select {
		case a, ok := <-actions:
			if !ok {
				w.logger.Info("action stream closed", "worker", w.name) // ok: the listener's lifetime
				return nil
			}
			go func() {
				if err := w.run(context.Background(), a); err != nil {
					w.logger.Error("action failed", "action", a.ID, "err", err) // ok: the listener's lifetime
				}
			}()
		case <-ctx.Done():
			return nil
		}
	}
}

// Drain runs the actions queued by this worker itself: they belong to the
// caller's work.
func (w *Worker) Drain(ctx context.Context, queued []Action) {
	pending := make(chan Action, len(queued))
	for _, a := range queued {
		pending <- a
	}
	close(pending)
	for a := range pending {
		if err := w.run(ctx, a); err != nil {
			w.logger.Warn("queued action failed", "action", a.ID) // want `^w\.logger\.Warn drops the context although ctx \(parameter of Drain\) is in scope: use WarnContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
		}
	}
}

// ListenTraced traces the whole listening session.
func (w *Worker) ListenTraced(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "listen")
	defer span.End()
	actions, err := w.d.Actions(ctx, w.name)
	if err != nil {
		return err
	}
	for a := range actions {
		if err := w.run(ctx, a); err != nil {
			w.logger.Error("action failed", "action", a.ID) // want `^w\.logger\.Error drops the context although ctx \(parameter of ListenTraced\) is in scope: use ErrorContext\(ctx, \.\.\.\)`
		}
	}
	return nil
}
