// Package ignored silences findings with //otellint:ignore.
package ignored

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("legacy")

// Legacy is silenced on the line above.
func Legacy(ctx context.Context) {
	//otellint:ignore spanend the span is ended by the legacy framework
	_, span := tracer.Start(ctx, "Legacy")
	span.AddEvent("legacy")
}

// LegacyCheck silences only the discarded check, on the same line.
func LegacyCheck(ctx context.Context) {
	tracer.Start(ctx, "LegacyCheck") //otellint:ignore spanend/discarded kept for the old dashboard
}

// OtherCheck silences another check: the finding stays.
func OtherCheck(ctx context.Context) {
	//otellint:ignore spanend/discarded not this one
	_, span := tracer.Start(ctx, "OtherCheck") // want `span "OtherCheck" started here is not ended on the path that reaches the end of the function at line 29; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("other")
}
