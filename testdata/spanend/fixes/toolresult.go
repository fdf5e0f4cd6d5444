package fixes

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
)

// toolResult is what a tool call answers: a failed call carries its error
// in the result and is flagged IsError; the call itself succeeded.
type toolResult struct {
	IsError bool
	Err     error
	Text    string
}

func callTool(ctx context.Context, name string) (*toolResult, error) { return &toolResult{}, nil }

// InvokeTool tags a failed tool result with error.type and records its
// error, but leaves the status unset: the fix sets it.
func InvokeTool(ctx context.Context, name string) (*toolResult, error) {
	ctx, span := tracer.Start(ctx, "InvokeTool")
	defer span.End()
	res, err := callTool(ctx, name)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	if res.IsError {
		span.SetAttributes(semconv.ErrorTypeKey.String("tool_error"))
		if toolErr := res.Err; toolErr != nil {
			span.RecordError(toolErr) // want `span.RecordError records a failure the span is tagged with error.type for at line 34, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		}
	}
	return res, nil
}

// errorType wraps semconv's error.type for the tool layer.
func errorType(kind string) attribute.KeyValue { return semconv.ErrorTypeKey.String(kind) }

// ErrorType is a program's own wrapper, named like semconv's.
func ErrorType(kind string) attribute.KeyValue { return errorType(kind) }

// InvokeChecked tags the failure through the wrapper and sets the status:
// nothing to report.
func InvokeChecked(ctx context.Context, name string) (*toolResult, error) {
	ctx, span := tracer.Start(ctx, "InvokeChecked")
	defer span.End()
	res, err := callTool(ctx, name)
	if err != nil {
		return nil, err
	}
	if res.IsError {
		span.SetAttributes(ErrorType("tool_error"))
		span.RecordError(res.Err)
		span.SetStatus(codes.Error, "tool failed")
	}
	return res, nil
}

// InvokeLenient records a tool's complaint as an event of a call that
// still counts as done: no error.type, no failure, nothing to report.
func InvokeLenient(ctx context.Context, name string) (*toolResult, error) {
	ctx, span := tracer.Start(ctx, "InvokeLenient")
	defer span.End()
	res, err := callTool(ctx, name)
	if err != nil {
		return nil, err
	}
	if res.IsError && res.Err != nil {
		span.RecordError(res.Err)
		span.SetAttributes(attribute.Bool("tool.retryable", errors.Is(res.Err, context.DeadlineExceeded)))
	}
	return res, nil
}

// InvokeViaWrapper tags the failure through the program's wrapper and
// forgets the status.
func InvokeViaWrapper(ctx context.Context, name string) (*toolResult, error) {
	ctx, span := tracer.Start(ctx, "InvokeViaWrapper")
	defer span.End()
	res, err := callTool(ctx, name)
	if err != nil {
		return nil, err
	}
	if res.IsError {
		span.SetAttributes(ErrorType("tool_error"))
		span.RecordError(res.Err) // want `span.RecordError records a failure the span is tagged with error.type for at line 91, but span.SetStatus\(codes.Error, ...\) is not called on that path`
	}
	return res, nil
}
