// Package subscriber consumes a topic for the lifetime of the process. Its
// context is made once, from context.Background(), and kept in the
// subscriber: logs on it have no trace to carry. A job handed a request's
// context keeps that context in a field too, and its logs should carry it.
package subscriber

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

type Message struct {
	ID   string
	Body []byte
}

type Source interface {
	Deliveries(ctx context.Context) (<-chan Message, error)
}

type Subscriber struct {
	ctx    context.Context
	cancel context.CancelFunc
	src    Source
}

func New(src Source) *Subscriber {
	ctx, cancel := context.WithCancel(context.Background())
	return &Subscriber{ctx: ctx, cancel: cancel, src: src}
}

// Run consumes until Close; it retries when the source fails.
func (s *Subscriber) Run(handle func(Message) error) {
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	for ctx.Err() == nil {
		msgs, err := s.src.Deliveries(ctx)
		if err != nil {
			slog.Error("subscription failed, retrying", "error", err)
			time.Sleep(time.Second)
			continue
		}
		for m := range msgs {
			if err := handle(m); err != nil {
				slog.Warn("message not handled", "id", m.ID, "error", err)
			}
		}
	}
}

func (s *Subscriber) Close() { s.cancel() }

// export is a job started by an HTTP request and run in the background;
// it keeps the request's context.
type export struct {
	ctx  context.Context
	rows []string
}

func StartExport(w http.ResponseWriter, r *http.Request) {
	e := &export{ctx: r.Context(), rows: r.URL.Query()["row"]}
	go e.run()
	w.WriteHeader(http.StatusAccepted)
}

func (e *export) run() {
	ctx := e.ctx
	if len(e.rows) == 0 {
		slog.Warn("nothing to export") // want `slog\.Warn drops the context although ctx is in scope: use WarnContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)`
		return
	}
	slog.InfoContext(ctx, "export done", "rows", len(e.rows))
}
