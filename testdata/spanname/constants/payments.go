package constants

import (
	"context"

	"go.opentelemetry.io/otel"

	"otellint.test/spanname/constants/spannames"
)

var tracer = otel.Tracer("shop/payments")

type PaymentService struct{}

func (PaymentService) Authorize(ctx context.Context) {
	ctx, span := tracer.Start(ctx, spanAuthorize)
	defer span.End()
	_, s2 := tracer.Start(ctx, spanSettle)
	defer s2.End()
	_, s3 := tracer.Start(ctx, spanRefund)
	defer s3.End()
}

func (PaymentService) Chargeback(ctx context.Context) {
	_, span := tracer.Start(ctx, spanChargeback)
	defer span.End()
	_, s2 := tracer.Start(ctx, spanEmpty) // want `^span name is empty; name the operation the span measures, e\.g\. "PaymentService\.Chargeback", the operation this PaymentService method performs \(spanname/empty\)$`
	defer s2.End()
	_, s3 := tracer.Start(ctx, spanLedger)
	defer s3.End()
}

func (PaymentService) Place(ctx context.Context) {
	ctx, span := tracer.Start(ctx, spannames.PlaceOrder)
	defer span.End()
	_, s2 := tracer.Start(ctx, spannames.CreateOrder)
	defer s2.End()
	_, s3 := tracer.Start(ctx, spannames.ReserveItem)
	defer s3.End()
	_, s4 := tracer.Start(ctx, string(spannames.Capture))
	defer s4.End()
	// A constant concatenated with another package's constant.
	_, s5 := tracer.Start(ctx, spannames.Domain+".Ledger.Post") // want `^span name "Payment\.Ledger\.Post" differs from "Payment/ledger/post" \(started at payments\.go:29\) only in letter case or separators: .* \(spanname/duplicate\)$`
	defer s5.End()
}

func (PaymentService) Refund(ctx context.Context) {
	_, span := tracer.Start(ctx, spannames.Refund)
	defer span.End()
	_, s2 := tracer.Start(ctx, string(spannames.Void))
	defer s2.End()
}

// Local constants and a variable assigned once.
func (PaymentService) Capture(ctx context.Context) {
	const op = "Capture"
	_, span := tracer.Start(ctx, service+"."+op)
	defer span.End()
	name := service + ".Capture.Retry"
	_, s2 := tracer.Start(ctx, name)
	defer s2.End()
	bad := "capture" + "Retry"
	_, s3 := tracer.Start(ctx, bad)
	defer s3.End()
}

// Reassigned variables: each value is a constant, so the name is bounded;
// no single constant to check.
func (PaymentService) Settle(ctx context.Context, instant bool) {
	name := spanSettle
	if instant {
		name = service + ".SettleInstant"
	}
	_, span := tracer.Start(ctx, name)
	defer span.End()
}

func (PaymentService) Default(ctx context.Context) {
	_, span := tracer.Start(ctx, DefaultSpanName)
	defer span.End()
	_, s2 := tracer.Start(ctx, unsetSpanName) // want `^span name is empty; name the operation the span measures for PaymentService in package constants, e\.g\. "PaymentService\.<action>" with the action it performs \(spanname/empty\)$`
	defer s2.End()
}
