// Package leafspans is a pricing service; some of its spans wrap nothing
// but arithmetic and string formatting.
package leafspans

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("pricing")

var skuPattern = regexp.MustCompile(`^[A-Z]{3}-[0-9]{4}$`)

var errInvalidSKU = errors.New("invalid sku")

// FormatPrice renders an amount for the checkout page.
func FormatPrice(ctx context.Context, cents int64, currency string) string {
	_, span := tracer.Start(ctx, "FormatPrice") // want `^span "FormatPrice" wraps only in-memory work that cannot block and calls nothing traced: it deepens every trace without showing where time goes; remove it and record what the function computes as an attribute or event on the caller's span \(spanend/leaf-span\)$`
	defer span.End()
	return fmt.Sprintf("%d.%02d %s", cents/100, cents%100, strings.ToUpper(currency))
}

// ValidateSKU checks the shape of a SKU.
func ValidateSKU(ctx context.Context, sku string) error {
	ctx, span := tracer.Start(ctx, "ValidateSKU", trace.WithAttributes(attribute.String("sku", sku))) // want `^span "ValidateSKU" wraps only in-memory work`
	defer span.End()
	if !skuPattern.MatchString(sku) {
		return fmt.Errorf("%w: %q", errInvalidSKU, sku)
	}
	return nil
}

type Tier int

// discount is pure arithmetic.
func discount(total int64, tier Tier) int64 {
	switch tier {
	case 1:
		return total / 10
	case 2:
		return total / 5
	}
	return 0
}

// ApplyDiscount computes the price after the customer's discount.
func ApplyDiscount(ctx context.Context, total int64, tier Tier) int64 {
	_, span := tracer.Start(ctx, "ApplyDiscount") // want `^span "ApplyDiscount" wraps only in-memory work`
	defer span.End()
	d := discount(total, tier)
	span.SetAttributes(attribute.Int64("discount", d))
	return total - d
}
