// Package handlederrors is an ingester that records errors on its spans
// which it handles: a bad record dropped from a batch, a cleanup that may
// fail, one tenant of many failing, a cancelled sibling. The spans of those
// operations did not fail, so recording without an Error status is right.
package handlederrors

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("ingester")

type Record struct {
	Tenant string
	Value  []byte
}

type Block struct{ ID string }

func decode(b []byte) (string, error)               { return "", nil }
func push(ctx context.Context, v string)            {}
func clearBlock(id string) error                    { return nil }
func openBlock(ctx context.Context) (*Block, error) { return nil, nil }
func tenants(ctx context.Context) ([]string, error) { return nil, nil }
func collect(ctx context.Context, t string) error   { return nil }
func flush(ctx context.Context, t string) error     { return nil }

// Consume drops records it cannot decode and goes on with the batch.
func Consume(ctx context.Context, recs []Record) int {
	ctx, span := tracer.Start(ctx, "Consume")
	defer span.End()
	n := 0
	for _, r := range recs {
		v, err := decode(r.Value)
		if err != nil {
			slog.ErrorContext(ctx, "dropping undecodable record", "tenant", r.Tenant, "err", err)
			span.RecordError(err)
			continue
		}
		push(ctx, v)
		n++
	}
	return n
}

// Complete opens the block; when the old block cannot be cleared it notes
// that on the span and still succeeds.
func Complete(ctx context.Context, oldID string) (*Block, error) {
	ctx, span := tracer.Start(ctx, "Complete")
	defer span.End()
	b, err := openBlock(ctx)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "open block")
		return nil, err
	}
	if err := clearBlock(oldID); err != nil {
		span.RecordError(err)
	}
	return b, nil
}

// Abandon records why it gave up on a block it does not need and returns
// no error: the caller moves on.
func Abandon(ctx context.Context, id string) (*Block, error) {
	_, span := tracer.Start(ctx, "Abandon")
	defer span.End()
	if err := clearBlock(id); err != nil {
		span.RecordError(err)
		return nil, nil
	}
	return nil, nil
}

// GC collects every tenant; one tenant failing does not stop the others.
func GC(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "GC")
	defer span.End()
	ts, err := tenants(ctx)
	if err != nil {
		span.SetStatus(codes.Error, "list tenants")
		return
	}
	for _, t := range ts {
		if err := collect(ctx, t); err != nil {
			span.RecordError(err)
			slog.ErrorContext(ctx, "gc failed", "tenant", t, "err", err)
		}
		if err := flush(ctx, t); err != nil {
			span.RecordError(err)
		}
	}
}

// ToolResult is what a tool call hands back: a failed tool is a result the
// caller reads, not an error of the call.
type ToolResult struct {
	Failed bool
	Err    error
}

func runTool(ctx context.Context, name string) (*ToolResult, error) { return nil, nil }

// CallTool records the tool's own failure and returns the result normally.
func CallTool(ctx context.Context, name string) (*ToolResult, error) {
	ctx, span := tracer.Start(ctx, "CallTool")
	defer span.End()
	res, err := runTool(ctx, name)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	if res.Failed && res.Err != nil {
		span.RecordError(res.Err)
	}
	return res, err
}

// Lookup records a cache miss and falls back to the store.
func Lookup(ctx context.Context, key string) (string, error) {
	ctx, span := tracer.Start(ctx, "Lookup")
	defer span.End()
	v, err := fromCache(ctx, key)
	if err != nil {
		span.RecordError(fmt.Errorf("cache: %w", err))
		return fromStore(ctx, key)
	}
	return v, nil
}

func fromCache(ctx context.Context, key string) (string, error) { return "", nil }
func fromStore(ctx context.Context, key string) (string, error) { return "", nil }

var errNotFound = errors.New("not found")

// Resolve records a lookup failure but answers with a default.
func Resolve(ctx context.Context, key string) (string, error) {
	ctx, span := tracer.Start(ctx, "Resolve")
	defer span.End()
	v, err := fromStore(ctx, key)
	if errors.Is(err, errNotFound) {
		span.RecordError(err)
		err = nil
		v = "default"
	}
	return v, err
}

// Evaluate fans out to both branches of a union and returns on the first
// match; the other branch sees its context cancelled, which the deferred
// function notes on the span without failing it.
func Evaluate(ctx context.Context, left, right func(context.Context) (bool, error)) (bool, error) {
	ctx, span := tracer.Start(ctx, "Evaluate")
	defer span.End()
	defer func(ctx context.Context) {
		if err := ctx.Err(); err != nil {
			span.RecordError(err)
		}
	}(ctx)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ok, err := left(ctx)
	if err != nil || ok {
		return ok, err
	}
	return right(ctx)
}

// Search notes a cancelled search on the span: the client went away, the
// search did not fail.
func Search(ctx context.Context, q string) ([]string, error) {
	ctx, span := tracer.Start(ctx, "Search")
	defer span.End()
	res, err := query(ctx, q)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			span.RecordError(err)
			return nil, err
		}
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	return res, nil
}

func query(ctx context.Context, q string) ([]string, error) { return nil, nil }

type result struct {
	id  string
	err error
}

// FetchAll shows what it could fetch. The loop records err, which is nil
// there (the failed fetch is result.err): nothing is recorded and the offered
// err.Error() would panic.
func FetchAll(ctx context.Context, ids []string) ([]string, error) {
	ctx, span := tracer.Start(ctx, "FetchAll")
	defer span.End()
	found, err := query(ctx, "ids")
	if err != nil {
		return nil, err
	}
	results := make(chan result, len(ids))
	for _, id := range ids {
		results <- result{id: id}
	}
	close(results)
	for r := range results {
		if r.err != nil {
			span.AddEvent("could not fetch " + r.id)
			span.RecordError(err)
			continue
		}
		found = append(found, r.id)
	}
	return found, err
}
