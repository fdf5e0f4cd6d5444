// Package fixes holds the cases whose findings come with suggested fixes.
package fixes

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fixes")

var errEmpty = errors.New("empty")

func send(ctx context.Context, msg string) error { return nil }

// Notify never ends its span: the fix adds defer span.End().
func Notify(ctx context.Context, msg string) error {
	ctx, span := tracer.Start(ctx, "Notify") // want `span "Notify" started here is not ended on the path through the return at line 21; add defer span.End\(\) \(spanend/not-ended\)`
	if msg == "" {
		return errEmpty
	}
	span.AddEvent("sending")
	return send(ctx, msg)
}

// Broadcast names its span variable differently.
func Broadcast(ctx context.Context, msgs []string) {
	var err error
	for _, m := range msgs {
		err = send(ctx, m)
	}
	_, s := tracer.Start(ctx, "Broadcast") // want `span "Broadcast" started here is not ended on the path that reaches the end of the function at line 36; add defer s.End\(\) \(spanend/not-ended\)`
	s.AddEvent("sent")
	_ = err
}

// Partly ends the span on one path: no fix (a defer would end it twice).
func Partly(ctx context.Context, msg string) error {
	ctx, span := tracer.Start(ctx, "Partly") // want `span "Partly" started here is not ended on the path through the return at line 42; add defer span.End\(\) \(spanend/not-ended\)`
	if msg == "" {
		return errEmpty
	}
	defer span.End()
	return send(ctx, msg)
}

// InIf starts the span in an if statement's init: no place for a fix.
func InIf(ctx context.Context, msg string) error {
	if _, span := tracer.Start(ctx, "InIf"); msg != "" { // want `span "InIf" started here is not ended on the path through the return at line 53; add defer span.End\(\) \(spanend/not-ended\)`
		span.AddEvent(msg)
	}
	return nil
}

// InLoop starts the span in a loop: a defer would be wrong there.
func InLoop(ctx context.Context, msgs []string) {
	for _, m := range msgs {
		_, span := tracer.Start(ctx, "InLoop") // want `span "InLoop" started here in a loop is not ended before the next iteration starts another; call span.End\(\) before the iteration ends \(spanend/not-ended\)`
		span.AddEvent(m)
	}
}
