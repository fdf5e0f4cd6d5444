package filteroff

import (
	"testing"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/exemplar"
)

// Tests may switch exemplars off to compare exact output.
func TestWithoutExemplars(t *testing.T) {
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithExemplarFilter(exemplar.AlwaysOffFilter))
	_ = mp
}
