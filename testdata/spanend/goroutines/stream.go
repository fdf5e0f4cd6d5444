package goroutines

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

type Result struct{ Rows []string }

// EncodeResponse streams the encoded result through a pipe. Until the
// encoder goroutine takes the span over, the deferred End owns it; the
// flag is cleared right before the goroutine, which ends it itself.
func EncodeResponse(ctx context.Context, res *Result, contentType string) (*http.Response, error) {
	_, span := tracer.Start(ctx, "EncodeResponse")
	endSpan := true
	defer func() {
		if endSpan {
			span.End()
		}
	}()
	if res == nil {
		return nil, errors.New("no result")
	}
	if contentType != "application/json" {
		return nil, errors.New("unsupported content type")
	}
	pr, pw := io.Pipe()
	endSpan = false
	go func() {
		var err error
		defer func() {
			_ = pw.CloseWithError(err)
			span.End()
		}()
		err = json.NewEncoder(pw).Encode(res)
	}()
	return &http.Response{StatusCode: http.StatusOK, Body: pr}, nil
}

// EncodeResponseLeaky clears the flag but its goroutine never ends the
// span: on that path nobody does.
func EncodeResponseLeaky(ctx context.Context, res *Result) (*http.Response, error) {
	_, span := tracer.Start(ctx, "EncodeResponse") // want `span "EncodeResponse" started here is not ended on the path that leaves the function at line 61: the deferred function at line 48 ends it only when endSpan is true, and on that path it is not`
	endSpan := true
	defer func() {
		if endSpan {
			span.End()
		}
	}()
	if res == nil {
		return nil, errors.New("no result")
	}
	pr, pw := io.Pipe()
	endSpan = false
	go func() {
		_ = pw.CloseWithError(json.NewEncoder(pw).Encode(res))
	}()
	return &http.Response{StatusCode: http.StatusOK, Body: pr}, nil
}

// Tail follows a log until ctx ends. Once the follower goroutine runs, it
// owns the span; until then the deferred function ends it.
func Tail(ctx context.Context, lines <-chan string, out io.Writer) error {
	ctx, span := tracer.Start(ctx, "Tail")
	handedOff := false
	defer func() {
		if !handedOff {
			span.End()
		}
	}()
	if out == nil {
		return errors.New("no writer")
	}
	handedOff = true
	go func() {
		defer span.End()
		for {
			select {
			case <-ctx.Done():
				return
			case l := <-lines:
				_, _ = io.WriteString(out, l+"\n")
			}
		}
	}()
	return nil
}

// Flush writes the buffer; the flag stays set on every path, so the
// deferred function always ends the span.
func Flush(ctx context.Context, buf []byte, w io.Writer) error {
	_, span := tracer.Start(ctx, "Flush")
	endSpan := true
	defer func() {
		if endSpan {
			span.End()
		}
	}()
	if len(buf) == 0 {
		return nil
	}
	_, err := w.Write(buf)
	return err
}
