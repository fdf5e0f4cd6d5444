// Package testfiles is checked with the default flags, which leave _test.go
// files alone: a span a test leaves open ends with the test process.
package testfiles

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("billing/invoices")

var errEmpty = errors.New("invoice has no lines")

type Invoice struct {
	ID    string
	Lines []int64
}

// Total sums the invoice; the early return leaks the span.
func Total(ctx context.Context, inv Invoice) (int64, error) {
	_, span := tracer.Start(ctx, "invoices.Total") // want `span "invoices.Total" started here is not ended on the path through the return at line 25`
	if len(inv.Lines) == 0 {
		return 0, errEmpty
	}
	var sum int64
	for _, l := range inv.Lines {
		sum += l
	}
	span.End()
	return sum, nil
}
