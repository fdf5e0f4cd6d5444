// Package defererr is a blob store whose deferred span helpers capture the
// error before it is assigned.
package defererr

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("blobs")

var errMissing = errors.New("missing")

func endSpan(span trace.Span, err error) {
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

func read(ctx context.Context, key string) ([]byte, error) { return nil, errMissing }

// Get defers endSpan with err still nil.
func Get(ctx context.Context, key string) ([]byte, error) {
	ctx, span := tracer.Start(ctx, "Get")
	var err error
	defer endSpan(span, err) // want `deferred endSpan receives err when the defer statement runs, before err is assigned at line 32; defer a closure instead: defer func\(\) { endSpan\(span, err\) }\(\) \(spanend/defer-captures-err\)`
	b, err := read(ctx, key)
	return b, err
}

// GetClosure defers a closure: err is read when the function returns.
func GetClosure(ctx context.Context, key string) ([]byte, error) {
	ctx, span := tracer.Start(ctx, "Get")
	var err error
	defer func() { endSpan(span, err) }()
	var b []byte
	b, err = read(ctx, key)
	return b, err
}

// Put uses a named result set by return statements.
func Put(ctx context.Context, key string, b []byte) (err error) {
	_, span := tracer.Start(ctx, "Put")
	defer endSpan(span, err) // want `deferred endSpan receives err when the defer statement runs, before err is assigned at line 51; defer a closure instead: defer func\(\) { endSpan\(span, err\) }\(\) \(spanend/defer-captures-err\)`
	if len(b) == 0 {
		return errMissing
	}
	return nil
}

// Delete records a deferred error that is set later.
func Delete(ctx context.Context, key string) (err error) {
	_, span := tracer.Start(ctx, "Delete")
	defer span.End()
	defer span.RecordError(err) // want `deferred span.RecordError receives err when the defer statement runs, before err is assigned at line 61; defer a closure instead: defer func\(\) { span.RecordError\(err\) }\(\) \(spanend/defer-captures-err\)`
	_, err = read(ctx, key)
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
	}
	return
}

// Head defers with an error that is final when the defer runs.
func Head(ctx context.Context, key string) error {
	ctx, span := tracer.Start(ctx, "Head")
	_, err := read(ctx, key)
	defer endSpan(span, err)
	return err
}

// logErr is not about spans: not this rule's business.
func logErr(err error) {}

// List defers a non-span call with an early error.
func List(ctx context.Context) (err error) {
	_, span := tracer.Start(ctx, "List")
	defer span.End()
	defer logErr(err)
	_, err = read(ctx, "")
	return err
}

// Shadowed assigns a different err later (a new variable in an inner scope).
func Shadowed(ctx context.Context, keys []string) error {
	ctx, span := tracer.Start(ctx, "Shadowed")
	var err error
	defer endSpan(span, err)
	for _, k := range keys {
		_, err := read(ctx, k)
		_ = err
	}
	return nil
}

// endSpanPtr reads the error through a pointer when the deferred call runs.
func endSpanPtr(span trace.Span, errp *error) {
	if *errp != nil {
		span.SetStatus(codes.Error, (*errp).Error())
	}
	span.End()
}

// Copy passes a pointer to the named result: the deferred call sees the
// final error.
func Copy(ctx context.Context, from, to string) (err error) {
	ctx, span := tracer.Start(ctx, "Copy")
	defer endSpanPtr(span, &err)
	_, err = read(ctx, from)
	return err
}

// Move evaluates err.Error() too early: the deferred call gets the old text.
func Move(ctx context.Context, from, to string) (err error) {
	_, span := tracer.Start(ctx, "Move")
	defer span.End()
	err = errMissing
	defer span.SetStatus(codes.Error, err.Error()) // want `deferred span.SetStatus receives err when the defer statement runs, before err is assigned at line 124; defer a closure instead: defer func\(\) { span.SetStatus\(codes.Error, err.Error\(\)\) }\(\) \(spanend/defer-captures-err\)`
	if from == to {
		return nil
	}
	return errMissing
}
