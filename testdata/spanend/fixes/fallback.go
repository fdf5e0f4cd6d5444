package fixes

import (
	"context"
	"errors"
	"fmt"
	"io"
)

func fromPrimary(ctx context.Context, key string) (string, error) { return "", nil }
func fromReplica(ctx context.Context, key string) (string, error) { return "", nil }

// Read falls back to the replica unless told not to: a status set right
// after RecordError would mark the fallback path failed too, so only the
// finding is offered, no fix.
func Read(ctx context.Context, key string, strict bool) (string, error) {
	ctx, span := tracer.Start(ctx, "Read")
	defer span.End()
	v, err := fromPrimary(ctx, key)
	if err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 23, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		if strict {
			return "", fmt.Errorf("primary: %w", err)
		}
		return fromReplica(ctx, key)
	}
	return v, nil
}

// Write records the error it returns in its deferred function: the fix sets
// the status there.
func Write(ctx context.Context, key, val string) (err error) {
	ctx, span := tracer.Start(ctx, "Write")
	defer func() {
		if err != nil {
			span.RecordError(err) // want `span.RecordError records the error that Write returns, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		}
		span.End()
	}()
	return send(ctx, key+"="+val)
}

// Stream reads until the end; an error other than io.EOF is recorded and
// returned: the fix applies under the conjunction.
func Stream(ctx context.Context, next func() (string, error)) error {
	_, span := tracer.Start(ctx, "Stream")
	defer span.End()
	for {
		_, err := next()
		if err != nil && !errors.Is(err, io.EOF) {
			span.RecordError(err) // want `span.RecordError records an error that is returned at line 52, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
			return err
		}
		if err != nil {
			return nil
		}
	}
}
