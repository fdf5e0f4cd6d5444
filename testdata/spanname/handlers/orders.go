// Package handlers holds the order service's HTTP handlers, instrumented by
// hand.
package handlers

import (
	"context"
	"encoding/json"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("shop/handlers")

type Handler struct {
	orders *OrderService
}

// ServeHTTP is the guide's handler: the span is named after the function.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "handle_request") // want `^span name "handle_request" is a generic placeholder that says nothing about the operation; name what the code does for Handler in package handlers, e\.g\. "Handler\.<action>" with the action it performs \(spanname/function-style\)$`
	defer span.End()
	h.orders.PlaceOrder(ctx, r)
}

type OrderService struct {
	tracer trace.Tracer
}

func (s *OrderService) PlaceOrder(ctx context.Context, r *http.Request) {}

func (s *OrderService) ProcessRequest(w http.ResponseWriter, r *http.Request) {
	_, span := s.tracer.Start(r.Context(), "ProcessRequest") // want `^span name "ProcessRequest" is a generic placeholder .*, e\.g\. "OrderService\.<action>" with the action it performs \(spanname/function-style\)$`
	defer span.End()
}

func (s *OrderService) CancelOrder(w http.ResponseWriter, r *http.Request) {
	_, span := s.tracer.Start(r.Context(), "cancel-order")
	defer span.End()
}

// Create is named the way the guide recommends.
func (s *OrderService) Create(w http.ResponseWriter, r *http.Request) {
	ctx, span := s.tracer.Start(r.Context(), "OrderService.PlaceOrder")
	defer span.End()
	_, child := s.tracer.Start(ctx, "Payment.OrderService.CreateOrder")
	defer child.End()
}

// Get names the span after the route template and renames it once the
// order is known.
func (s *OrderService) Get(w http.ResponseWriter, r *http.Request) {
	ctx, span := s.tracer.Start(r.Context(), "GET /orders/{id}")
	defer span.End()
	id := r.PathValue("id")
	span.SetAttributes(attribute.String("order.id", id))
	trace.SpanFromContext(ctx).SetName("OrderService.GetOrder")
	_ = json.NewEncoder(w).Encode(id)
}

func (s *OrderService) Update(w http.ResponseWriter, r *http.Request) {
	// The start's name is replaced right away: the SetName is what the
	// back end sees, and where the finding is.
	ctx, span := s.tracer.Start(r.Context(), "GET /orders/"+r.PathValue("id"))
	defer span.End()
	span.SetName(r.URL.Path) // want `^span name is built from r\.URL\.Path \(the raw request path\), .* \(spanname/dynamic\)$`
	trace.SpanFromContext(ctx).SetName("update")
}

// Delete: the active span is only looked up, never named.
func (s *OrderService) Patch(w http.ResponseWriter, r *http.Request) {
	_, span := s.tracer.Start(r.Context(), "GET /orders/"+r.PathValue("id")) // want `^span name is built from r\.PathValue\("id"\) \(a value the client chooses\), which has unbounded cardinality; name the span after the route template "GET /orders/\{id\}" and record the value as a span attribute \(spanname/dynamic\)$`
	defer span.End()
}

func (s *OrderService) Delete(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	span.AddEvent("order deleted")
}

func (s *OrderService) Health(w http.ResponseWriter, r *http.Request) {
	//otellint:ignore spanname the health check span is filtered out by the collector
	_, span := s.tracer.Start(r.Context(), "healthz")
	defer span.End()
}

// Checkout uses the guide's good names inside a closure.
func (s *OrderService) Checkout(w http.ResponseWriter, r *http.Request) {
	step := func(name string) {
		_, span := s.tracer.Start(r.Context(), name)
		span.End()
	}
	step("Checkout.Validate")
	step("Checkout.Reserve")
}

// Report puts the error text into the name.
func (s *OrderService) Report(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		_, span := s.tracer.Start(r.Context(), "OrderService.Report: "+err.Error()) // want `^span name is built from err\.Error\(\) \(an error message\), which has unbounded cardinality; use a fixed name such as "OrderService\.Report" and record err\.Error\(\) as a span attribute \(spanname/dynamic\)$`
		span.End()
	}
}
