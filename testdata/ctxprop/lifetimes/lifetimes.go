// Package lifetimes builds long-lived components. Their lifetime context is
// deliberately a new root: a worker's spans must not hang off the request
// or start-up call that created it.
package lifetimes

import (
	"context"
	"database/sql"
	"time"

	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/trace"
)

type Indexer struct {
	ctx    context.Context
	cancel context.CancelFunc
	db     *sql.DB
}

var shared context.Context

// New stores a lifetime context in the component: not reported.
func New(ctx context.Context, db *sql.DB) (*Indexer, error) {
	ix := &Indexer{db: db}
	ix.ctx, ix.cancel = context.WithCancel(context.Background())
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	return ix, nil
}

// NewLiteral stores it through a composite literal.
func NewLiteral(ctx context.Context, db *sql.DB) *Indexer {
	return &Indexer{ctx: context.Background(), db: db}
}

// SetShared keeps a package-level root.
func SetShared(ctx context.Context) {
	shared = context.WithValue(context.Background(), key{}, "shared")
}

type key struct{}

// Local keeps the root in a local, then in the component: not reported.
func Local(ctx context.Context, db *sql.DB) *Indexer {
	lctx, cancel := context.WithCancel(context.Background())
	return &Indexer{ctx: lctx, cancel: cancel, db: db}
}

// Run uses its root for one call only: it should be the caller's.
func (ix *Indexer) Run(ctx context.Context) error {
	rctx, cancel := context.WithCancel(context.Background()) // want `use ctx \(parameter of Run\) instead of context\.Background\(\), or context\.WithoutCancel\(ctx\) if the work must outlive it \(ctxprop/background\)`
	defer cancel()
	_, err := ix.db.ExecContext(rctx, "REINDEX")
	return err
}

// RunOK is the clean twin.
func (ix *Indexer) RunOK(ctx context.Context) error {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, err := ix.db.ExecContext(rctx, "REINDEX")
	return err
}

// Detach keeps the trace without the cancellation, the pre-Go 1.21 way.
func Detach(ctx context.Context, work func(context.Context)) {
	detached := trace.ContextWithSpan(context.Background(), trace.SpanFromContext(ctx))
	detached = baggage.ContextWithBaggage(detached, baggage.FromContext(ctx))
	go work(detached)
	remote := trace.ContextWithRemoteSpanContext(context.Background(), trace.SpanContextFromContext(ctx))
	work(remote)
}

// Migrate has no incoming context: its sequential timeouts are separate
// roots on purpose, and nothing is lost between them.
func Migrate(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS docs (id int)"); err != nil {
		return err
	}
	pctx, pcancel := context.WithTimeout(context.Background(), time.Second)
	defer pcancel()
	return db.PingContext(pctx)
}

// MigrateTimed: once the root carries values from elsewhere it is no longer
// empty, and a second root drops them.
func MigrateTimed(db *sql.DB, b baggage.Baggage) error {
	ctx := baggage.ContextWithBaggage(context.Background(), b)
	if _, err := db.ExecContext(ctx, "SELECT 1"); err != nil {
		return err
	}
	return db.PingContext(context.Background()) // want `use ctx \(local variable of MigrateTimed\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// Job is a unit of work for a queue.
type Job struct {
	Ctx context.Context
	Doc string
}

// Enqueue hands a message to a worker: its context should carry the
// caller's trace (context.WithoutCancel keeps it past the request).
func Enqueue(ctx context.Context, queue chan<- Job, doc string) {
	queue <- Job{Ctx: context.Background(), Doc: doc} // want `use ctx \(parameter of Enqueue\) instead of context\.Background\(\) \(ctxprop/background\)`
}

func EnqueueOK(ctx context.Context, queue chan<- Job, doc string) {
	queue <- Job{Ctx: context.WithoutCancel(ctx), Doc: doc}
}

// Submit passes the message to a call. The second fresh root is reported
// against ctx, not against the empty jctx.
func Submit(ctx context.Context, submit func(Job), doc string) {
	jctx := context.Background() // want `use ctx \(parameter of Submit\) instead of context\.Background\(\) \(ctxprop/background\)`
	submit(Job{Ctx: jctx, Doc: doc})
	submit(Job{Ctx: context.TODO(), Doc: doc}) // want `use ctx \(parameter of Submit\) instead of context\.TODO\(\) \(ctxprop/background\)`
}
