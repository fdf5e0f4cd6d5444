// Package custompattern belongs to a team whose convention is lowercase
// snake_case "<service>.<action>" names, set with -spanname.pattern, with one
// legacy name allowed by -spanname.allow. The pattern alone switches the
// convention check on; the guide's function-name check stays off.
package custompattern

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("shop/accounts")

type Accounts struct{}

func (Accounts) Open(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "accounts.open_account")
	defer span.End()
	_, s2 := tracer.Start(ctx, "Accounts.Open") // want `^span name "Accounts\.Open" does not match the configured pattern \[a-z_\]\+\\\.\[a-z_\]\+; rename it or add it to -spanname\.allow \(spanname/convention\)$`
	defer s2.End()
	_, s3 := tracer.Start(ctx, "LegacyAccountOpen")
	defer s3.End()
	_, s4 := tracer.Start(ctx, "open") // want `^span name "open" does not match the configured pattern \[a-z_\]\+\\\.\[a-z_\]\+; rename it or add it to -spanname\.allow \(spanname/convention\)$`
	defer s4.End()
}
