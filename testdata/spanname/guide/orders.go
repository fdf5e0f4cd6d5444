// Package guide belongs to a team that follows the observability guide's
// naming convention, switched on with -spanname.style=guide: spans are named
// Service.Action, never after the function that happens to run.
package guide

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("shop/orders")

type OrderService struct {
	tracer trace.Tracer
}

func (s *OrderService) CancelOrder(w http.ResponseWriter, r *http.Request) {
	_, span := s.tracer.Start(r.Context(), "cancel-order") // want `^span name "cancel-order" repeats the function name CancelOrder; name the operation the system performs as Service\.Action, e\.g\. "OrderService\.CancelOrder" \(spanname/function-style\)$`
	defer span.End()
}

func (s *OrderService) Update(w http.ResponseWriter, r *http.Request) {
	ctx, span := s.tracer.Start(r.Context(), "OrderService.Update")
	defer span.End()
	trace.SpanFromContext(ctx).SetName("update") // want `^span name "update" repeats the function name Update; name the operation the system performs as Service\.Action, e\.g\. "OrderService\.Update" \(spanname/function-style\)$`
}

// Refund names its span with a bare word: no domain.
func (s *OrderService) Refund(ctx context.Context) {
	_, span := s.tracer.Start(ctx, "refund_payment") // want `^span name "refund_payment" is a bare identifier with no domain qualifier; name the operation as Service\.Action, e\.g\. "OrderService\.RefundPayment" \(spanname/function-style\)$`
	defer span.End()
}

type OrderRepository struct{}

func (r *OrderRepository) Get(ctx context.Context, id int64) {
	_, span := tracer.Start(ctx, "Get") // want `^span name "Get" repeats the function name Get; name the operation the system performs as Service\.Action, e\.g\. "OrderRepository\.Get" \(spanname/function-style\)$`
	defer span.End()
}

// Names of the guide's form, and the semantic-convention forms, pass.
func (r *OrderRepository) Save(ctx context.Context) {
	_, s1 := tracer.Start(ctx, "OrderRepository.Save")
	defer s1.End()
	_, s2 := tracer.Start(ctx, "Payment.OrderService.CreateOrder")
	defer s2.End()
	_, s3 := tracer.Start(ctx, "repositories.SaveOrder")
	defer s3.End()
	_, s4 := tracer.Start(ctx, "INSERT orders")
	defer s4.End()
	_, s5 := tracer.Start(ctx, "orders publish")
	defer s5.End()
	_, s6 := tracer.Start(ctx, "db.query")
	defer s6.End()
}

// Off-convention names that are not function names.
func (r *OrderRepository) Archive(ctx context.Context) {
	_, s1 := tracer.Start(ctx, "archive all orders") // want `^span name "archive all orders" does not follow the naming convention; use dotted identifiers such as "OrderService\.PlaceOrder" or a semantic-convention name such as "GET /orders/\{id\}" or "kafka\.publish" \(spanname/convention\)$`
	defer s1.End()
	_, s2 := tracer.Start(ctx, "order-archive/run") // want `^span name "order-archive/run" does not follow the naming convention; .* \(spanname/convention\)$`
	defer s2.End()
}

type walBlock struct{}

// Go identifiers in their own letter case follow the convention:
// [pkg.]receiverType.Method, with unexported types in lowerCamel.
func (b *walBlock) Append(ctx context.Context) {
	_, s1 := tracer.Start(ctx, "walBlock.Append")
	defer s1.End()
	_, s2 := tracer.Start(ctx, "vparquet.compactor.finishBlock")
	defer s2.End()
}

// Snake-case segments are off-convention; the message suggests no rename
// that would only re-case the same words.
func (b *walBlock) Flush(ctx context.Context) {
	_, s1 := tracer.Start(ctx, "WalBlock.flush_pages") // want `^span name "WalBlock\.flush_pages" does not follow the naming convention; use dotted identifiers such as "OrderService\.PlaceOrder" or a semantic-convention name such as "GET /orders/\{id\}" or "kafka\.publish" \(spanname/convention\)$`
	defer s1.End()
}
