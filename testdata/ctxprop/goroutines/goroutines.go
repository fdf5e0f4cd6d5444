// Package goroutines fans work out from request handlers. A goroutine that
// starts from context.Background() loses the request's trace.
package goroutines

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"time"
)

type Notifier struct {
	db *sql.DB
	wg sync.WaitGroup
}

func (n *Notifier) send(ctx context.Context, to string) error { return ctx.Err() }

// Notify fires and forgets.
func (n *Notifier) Notify(ctx context.Context, to string) {
	go n.send(context.Background(), to) // want `goroutine starts from context\.Background\(\) and loses the trace of ctx \(parameter of Notify\); pass context\.WithoutCancel\(ctx\) for work that must outlive it, or ctx to stop with it \(ctxprop/goroutine\)`
}

// NotifyOK keeps the trace and outlives the request.
func (n *Notifier) NotifyOK(ctx context.Context, to string) {
	go n.send(context.WithoutCancel(ctx), to)
}

// NotifyAndWait stops with the caller.
func (n *Notifier) NotifyAndWait(ctx context.Context, to []string) {
	for _, t := range to {
		n.wg.Add(1)
		go func(ctx context.Context, t string) {
			defer n.wg.Done()
			_ = n.send(ctx, t)
		}(ctx, t)
	}
	n.wg.Wait()
}

// FanOut launches a literal with a fresh root.
func (n *Notifier) FanOut(ctx context.Context, to []string) {
	for _, t := range to {
		go func(c context.Context, t string) {
			_ = n.send(c, t)
		}(context.TODO(), t) // want `goroutine starts from context\.TODO\(\) and loses the trace of ctx \(parameter of FanOut\); pass context\.WithoutCancel\(ctx\) for work that must outlive it, or ctx to stop with it \(ctxprop/goroutine\)`
	}
}

// Handle starts background work inside a closure that captures the request.
func (n *Notifier) Handle(w http.ResponseWriter, r *http.Request) {
	go func() {
		_ = n.send(context.Background(), "ops@example.com") // want `goroutine starts from context\.Background\(\) and loses the trace of r\.Context\(\) \(request of Handle\); pass context\.WithoutCancel\(r\.Context\(\)\) for work that must outlive it, or r\.Context\(\) to stop with it \(ctxprop/goroutine\)`
	}()
	go func() {
		_, _ = n.db.Exec("INSERT INTO outbox(kind) VALUES ('mail')") // want `\(\*sql\.DB\)\.Exec cannot carry r\.Context\(\) \(request of Handle\); call ExecContext\(context\.WithoutCancel\(r\.Context\(\)\), \.\.\.\) instead \(ctxprop/ctxless\)`
	}()
	w.WriteHeader(http.StatusAccepted)
}

// HandleOK is the clean twin.
func (n *Notifier) HandleOK(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithoutCancel(r.Context())
	go func() {
		_ = n.send(ctx, "ops@example.com")
		_, _ = n.db.ExecContext(ctx, "INSERT INTO outbox(kind) VALUES ('mail')")
	}()
	w.WriteHeader(http.StatusAccepted)
}

// Later runs on the timer's goroutine.
func (n *Notifier) Later(ctx context.Context, to string) {
	time.AfterFunc(time.Minute, func() {
		_ = n.send(context.Background(), to) // want `goroutine starts from context\.Background\(\) and loses the trace of ctx \(parameter of Later\); pass context\.WithoutCancel\(ctx\) for work that must outlive it, or ctx to stop with it \(ctxprop/goroutine\)`
	})
}

// OwnContext: the goroutine's literal declares its own context.
func (n *Notifier) OwnContext(ctx context.Context) {
	go func(ctx context.Context) {
		_ = n.send(ctx, "a")
	}(context.WithoutCancel(ctx))
}

// Daemon has no context to hand down.
func (n *Notifier) Daemon() {
	go n.send(context.Background(), "ops")
	go func() {
		_ = n.send(context.TODO(), "ops")
	}()
}

// Spawn passes a local context to a goroutine that builds its own root
// inside: the local is captured.
func (n *Notifier) Spawn(r *http.Request) {
	ctx := r.Context()
	_ = n.send(ctx, "start")
	go func() {
		c, cancel := context.WithTimeout(context.Background(), time.Second) // want `goroutine starts from context\.Background\(\) and loses the trace of ctx \(local variable of Spawn\); pass context\.WithoutCancel\(ctx\) for work that must outlive it, or ctx to stop with it \(ctxprop/goroutine\)`
		defer cancel()
		_ = n.send(c, "x")
	}()
}
