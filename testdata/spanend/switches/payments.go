// Package switches is a payment router whose spans are ended in only some
// cases of a switch or a type switch.
package switches

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("payments")

type Payment struct {
	Method string
	Amount int
}

var errDeclined = errors.New("declined")

func charge(ctx context.Context, p Payment) error { return nil }

// Route ends the span in the card case only.
func Route(ctx context.Context, p Payment) error {
	ctx, span := tracer.Start(ctx, "Route") // want `span "Route" started here is not ended on the path through the return at line 32; add defer span.End\(\) \(spanend/not-ended\)`
	switch p.Method {
	case "card":
		err := charge(ctx, p)
		span.End()
		return err
	case "wallet":
		return nil
	}
	span.End()
	return errDeclined
}

// RouteAllCases ends the span in every case and after the switch.
func RouteAllCases(ctx context.Context, p Payment) error {
	ctx, span := tracer.Start(ctx, "Route")
	switch p.Method {
	case "card":
		err := charge(ctx, p)
		span.End()
		return err
	case "wallet":
		span.End()
		return nil
	default:
		span.End()
	}
	return errDeclined
}

// Describe leaks in the default case of a type switch.
func Describe(ctx context.Context, v any) string {
	_, span := tracer.Start(ctx, "Describe") // want `span "Describe" started here is not ended on the path through the return at line 66; add defer span.End\(\) \(spanend/not-ended\)`
	switch v := v.(type) {
	case string:
		span.End()
		return v
	case error:
		span.End()
		return v.Error()
	default:
		return "unknown"
	}
}

// DescribeDeferred defers End before the type switch.
func DescribeDeferred(ctx context.Context, v any) string {
	_, span := tracer.Start(ctx, "Describe")
	defer span.End()
	switch v := v.(type) {
	case string:
		return v
	default:
		return "unknown"
	}
}
