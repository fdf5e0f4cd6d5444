package smoke

import (
	"context"

	"go.opentelemetry.io/otel"
)

func Do(ctx context.Context) {
	_, span := otel.Tracer("x").Start(ctx, "Smoke.Do")
	defer span.End()
}
