package sampling

import (
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func TestAlwaysOn(t *testing.T) {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.AlwaysSample()))) // ok: in a test
	defer tp.Shutdown(t.Context())
	if len(alwaysOn()) != 1 {
		t.Fatal("want one option")
	}
}
