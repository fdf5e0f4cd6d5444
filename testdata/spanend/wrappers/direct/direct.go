// Package direct starts spans with a Tracer while start-funcs is configured.
package direct

import (
	"context"

	"go.opentelemetry.io/otel"
)

// Direct starts a span with a Tracer: configuring wrappers keeps the default
// recognition.
func Direct(ctx context.Context) error {
	_, span := otel.Tracer("shipping").Start(ctx, "Direct") // want `span "Direct" started here is not ended on the path through the return at line 15; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("direct")
	return nil
}
