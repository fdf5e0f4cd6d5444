// Package checksflag runs with -spanname.checks=all,-convention,-function-style,-duplicate:
// a team that only guards cardinality.
package checksflag

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("shop/notifications")

func SendEmail(ctx context.Context, userID string) {
	_, span := tracer.Start(ctx, "send email")
	defer span.End()
	_, s2 := tracer.Start(ctx, "SendEmail")
	defer s2.End()
	_, s3 := tracer.Start(ctx, "send email to "+userID) // want `^span name is built from userID \(an ID\), which has unbounded cardinality; use a fixed name and record userID as a span attribute \(spanname/dynamic\)$`
	defer s3.End()
}
