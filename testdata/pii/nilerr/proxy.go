// Package nilerr is an order intake whose decoder quotes the request body
// in its errors, so such an error carries the body whole. An err that a
// guard has proven nil carries nothing, however it was built: the guard
// leaves the function unless it is nil, and nothing assigns it again
// before the log call.
package nilerr

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"

	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Intake accepts orders.
type Intake struct {
	logger *zap.Logger
	tracer trace.Tracer
}

type order struct {
	Items []string `json:"items"`
}

type result struct {
	item string
	err  error
}

// decode reads the order; its error quotes what the client sent.
func decode(r *http.Request) (order, error) {
	var o order
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return o, err
	}
	if err := json.Unmarshal(body, &o); err != nil {
		return o, fmt.Errorf("cannot decode %q: %w", body, err)
	}
	return o, nil
}

// Accept reserves every item of an order. The failures of single
// reservations are logged with the err of the decoder, which the guard has
// proven nil.
func (in *Intake) Accept(w http.ResponseWriter, r *http.Request) {
	ctx, span := in.tracer.Start(r.Context(), "intake.Accept")
	defer span.End()

	o, err := decode(r)
	if err != nil {
		http.Error(w, "bad order", http.StatusBadRequest)
		return
	}
	for _, res := range in.reserveAll(ctx, o.Items) {
		if res.err != nil {
			in.logger.Info("reservation failed", zap.Error(err), zap.String("item", res.item))
			span.RecordError(err)
		}
	}
	w.WriteHeader(http.StatusAccepted)
}

// Reject logs the failed decoding itself: that err carries the body.
func (in *Intake) Reject(w http.ResponseWriter, r *http.Request) {
	_, err := decode(r)
	if err != nil {
		in.logger.Warn("rejected order", zap.Error(err)) // want `^err \(built from io\.ReadAll\(r\.Body\) in decode, the whole request body\) reaches the zap error field; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
		http.Error(w, "bad order", http.StatusBadRequest)
		return
	}
	in.logger.Info("order accepted", zap.Error(err))
}

// Replay decodes twice: the second err is assigned after the guard and
// may carry the body.
func (in *Intake) Replay(r *http.Request) {
	_, err := decode(r)
	if err != nil {
		log.Fatalf("replay: %v", err) // want `^err \(built from io\.ReadAll\(r\.Body\) in decode, the whole request body\) reaches the log message of log\.Fatalf; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	}
	in.logger.Warn("first decode done", zap.Error(err))
	_, err = decode(r)
	in.logger.Warn("second decode done", zap.Error(err)) // want `^err \(built from io\.ReadAll\(r\.Body\) in decode, the whole request body\) reaches the zap error field; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
}

// Preview guards with a condition that lets a non-nil err through.
func (in *Intake) Preview(r *http.Request) {
	_, err := decode(r)
	if err != nil && r.Context().Err() == nil {
		return
	}
	in.logger.Info("preview cancelled", zap.Error(err)) // want `^err \(built from io\.ReadAll\(r\.Body\) in decode, the whole request body\) reaches the zap error field`
}

func (in *Intake) reserveAll(ctx context.Context, items []string) []result {
	out := make([]result, 0, len(items))
	for _, item := range items {
		out = append(out, result{item: item})
	}
	return out
}
