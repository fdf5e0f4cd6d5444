// Package helpers is a user repository whose spans are ended by helpers: a
// same-package helper is looked into, a function of another package is
// trusted with the span.
package helpers

import (
	"context"
	"database/sql"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("users")

type Repo struct{ db *sql.DB }

// finish records the error and ends the span.
func finish(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

// finishVia ends the span through another helper.
func finishVia(span trace.Span) { finish(span, nil) }

// annotate only annotates the span.
func annotate(span trace.Span, table string) {
	span.AddEvent("query " + table)
}

// endAll ends a list of spans.
func endAll(spans ...trace.Span) {
	for _, s := range spans {
		s.End()
	}
}

// Get ends the span with a same-package helper.
func (r *Repo) Get(ctx context.Context, id int) error {
	ctx, span := tracer.Start(ctx, "users.Get")
	_, err := r.db.ExecContext(ctx, "SELECT 1 WHERE id = ?", id)
	finish(span, err)
	return err
}

// GetDeferred defers the helper.
func (r *Repo) GetDeferred(ctx context.Context, id int) (err error) {
	ctx, span := tracer.Start(ctx, "users.Get")
	defer finishVia(span)
	_, err = r.db.ExecContext(ctx, "SELECT 1 WHERE id = ?", id)
	return err
}

// List passes the span to a helper that does not end it.
func (r *Repo) List(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "users.List") // want `span "users.List" started here is not ended on the path through the return at line 64; add defer span.End\(\) \(spanend/not-ended\)`
	annotate(span, "users")
	_, err := r.db.ExecContext(ctx, "SELECT 1")
	return err
}

// Batch ends several spans with a variadic helper.
func (r *Repo) Batch(ctx context.Context) {
	ctx, a := tracer.Start(ctx, "batch.a")
	_, b := tracer.Start(ctx, "batch.b")
	endAll(a, b)
}

// closer ends the span it was given as a method helper.
type closer struct{}

func (closer) close(span trace.Span) { span.End() }

// Delete ends the span with a method helper.
func (r *Repo) Delete(ctx context.Context, id int) {
	_, span := tracer.Start(ctx, "users.Delete")
	var c closer
	c.close(span)
}

// Carry hands the span to another package through the context.
func (r *Repo) Carry(ctx context.Context) context.Context {
	_, span := tracer.Start(ctx, "users.Carry")
	return trace.ContextWithSpan(ctx, span)
}

// Ender is implemented elsewhere.
type Ender interface{ EndSpan(trace.Span) }

// Handoff passes the span to an interface method whose body we cannot see.
func (r *Repo) Handoff(ctx context.Context, e Ender) {
	_, span := tracer.Start(ctx, "users.Handoff")
	e.EndSpan(span)
}

// Recurse passes the span to a recursive helper that ends it at depth 0.
func (r *Repo) Recurse(ctx context.Context) {
	_, span := tracer.Start(ctx, "users.Recurse")
	walk(span, 3)
}

func walk(span trace.Span, depth int) {
	if depth == 0 {
		span.End()
		return
	}
	walk(span, depth-1)
}
