// Package checksoff runs with -spanend.checks=all,-recorderror,-discarded:
// only the checks still on report.
package checksoff

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("audit")

func write(ctx context.Context) error { return nil }

// Write records an error without a status (recorderror is off) and leaks
// the span on the error path (not-ended is on).
func Write(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "Write") // want `span "Write" started here is not ended on the path through the return at line 21; add defer span.End\(\) \(spanend/not-ended\)`
	if err := write(ctx); err != nil {
		span.RecordError(err)
		return err
	}
	span.End()
	return nil
}

// Fire discards the span (discarded is off).
func Fire(ctx context.Context) {
	tracer.Start(ctx, "Fire")
}
