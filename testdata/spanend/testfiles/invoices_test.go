package testfiles

import (
	"context"
	"errors"
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// TestTotal opens a span for the case and never ends it: reported only with
// -spanend.tests.
func TestTotal(t *testing.T) {
	ctx, span := tracer.Start(context.Background(), "TestTotal")
	span.SetAttributes(attribute.String("invoice.id", "inv-1"))
	if _, err := Total(ctx, Invoice{ID: "inv-1"}); !errors.Is(err, errEmpty) {
		t.Fatalf("got %v, want errEmpty", err)
	}
}
