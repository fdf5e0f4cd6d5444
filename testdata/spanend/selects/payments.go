// Package selects is a payment poller whose spans are ended in only some
// cases of a select.
package selects

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("payments")

type Payment struct {
	Method string
	Amount int
}

var errDeclined = errors.New("declined")

func charge(ctx context.Context, p Payment) error { return nil }

// Await leaks on the timeout case of a select.
func Await(ctx context.Context, done <-chan error) error {
	_, span := tracer.Start(ctx, "Await") // want `span "Await" started here is not ended on the path through the return at line 32; add defer span.End\(\) \(spanend/not-ended\)`
	select {
	case err := <-done:
		span.End()
		return err
	case <-time.After(time.Second):
		return context.DeadlineExceeded
	case <-ctx.Done():
		span.End()
		return ctx.Err()
	}
}

// AwaitAllCases ends the span on every case of the select.
func AwaitAllCases(ctx context.Context, done <-chan error) error {
	_, span := tracer.Start(ctx, "Await")
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Second):
		err = context.DeadlineExceeded
	case <-ctx.Done():
		err = ctx.Err()
	}
	span.End()
	return err
}

// Watch ends the span when the context is done but leaks it when the
// updates channel closes.
func Watch(ctx context.Context, updates <-chan Payment) error {
	ctx, span := tracer.Start(ctx, "Watch") // want `span "Watch" started here is not ended on the path through the return at line 65; add defer span.End\(\) \(spanend/not-ended\)`
	for {
		select {
		case <-ctx.Done():
			span.End()
			return ctx.Err()
		case p, ok := <-updates:
			if !ok {
				return errDeclined
			}
			_ = charge(ctx, p)
		}
	}
}

// WatchDeferred defers End before the loop.
func WatchDeferred(ctx context.Context, updates <-chan Payment) error {
	ctx, span := tracer.Start(ctx, "Watch")
	defer span.End()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case p, ok := <-updates:
			if !ok {
				return nil
			}
			_ = charge(ctx, p)
		default:
			time.Sleep(time.Millisecond)
		}
	}
}
