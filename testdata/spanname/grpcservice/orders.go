// Package grpcservice implements a gRPC-style order service; the request
// types are what protoc-gen-go would generate.
package grpcservice

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type PlaceOrderRequest struct {
	CustomerId string
	Items      []string
}

func (x *PlaceOrderRequest) GetCustomerId() string {
	if x != nil {
		return x.CustomerId
	}
	return ""
}

type GetOrderRequest struct {
	OrderId string
}

func (x *GetOrderRequest) GetOrderId() string {
	if x != nil {
		return x.OrderId
	}
	return ""
}

type OrderReply struct{ OrderId string }

// OrderServer implements orders.v1.OrderService.
type OrderServer struct {
	tracer trace.Tracer
}

func NewOrderServer() *OrderServer {
	return &OrderServer{tracer: otel.GetTracerProvider().Tracer("shop/grpcservice")}
}

func (s *OrderServer) PlaceOrder(ctx context.Context, req *PlaceOrderRequest) (*OrderReply, error) {
	ctx, span := s.tracer.Start(ctx, "PlaceOrder")
	defer span.End()
	return s.place(ctx, req)
}

func (s *OrderServer) place(ctx context.Context, req *PlaceOrderRequest) (*OrderReply, error) {
	ctx, span := s.tracer.Start(ctx, "orders.v1.OrderService/PlaceOrder")
	defer span.End()
	_, child := s.tracer.Start(ctx, "OrderServer.PlaceOrder", trace.WithAttributes(attribute.String("customer.id", req.GetCustomerId())))
	defer child.End()
	return &OrderReply{}, nil
}

func (s *OrderServer) GetOrder(ctx context.Context, req *GetOrderRequest) (*OrderReply, error) {
	ctx, span := s.tracer.Start(ctx, "OrderServer.GetOrder/"+req.GetOrderId()) // want `^span name is built from req\.GetOrderId\(\) \(an ID from x\.OrderId\), which has unbounded cardinality; use a fixed name such as "OrderServer\.GetOrder" and record req\.GetOrderId\(\) as a span attribute \(spanname/dynamic\)$`
	defer span.End()
	return &OrderReply{OrderId: req.GetOrderId()}, nil
}

func (s *OrderServer) ListOrders(ctx context.Context, req *PlaceOrderRequest) (*OrderReply, error) {
	_, span := s.tracer.Start(ctx, "list_orders")
	defer span.End()
	_, span2 := s.tracer.Start(ctx, "orders.OrderService.listOrders")
	defer span2.End()
	return nil, nil
}

// Cache is generic over the cached value; its spans use the type's fixed
// operation names.
type Cache[V any] struct {
	tracer trace.Tracer
	items  map[string]V
}

func (c *Cache[V]) Get(ctx context.Context, key string) (V, bool) {
	_, span := c.tracer.Start(ctx, "OrderCache.Get")
	defer span.End()
	v, ok := c.items[key]
	return v, ok
}

func (c *Cache[V]) Put(ctx context.Context, key string, v V) {
	_, span := c.tracer.Start(ctx, "put")
	defer span.End()
	c.items[key] = v
}

// instrumented embeds a Tracer: its Start is the Tracer's.
type instrumented struct {
	trace.Tracer
}

func (i instrumented) Ping(ctx context.Context) {
	_, span := i.Start(ctx, "grpc.health.v1.Health/Check")
	defer span.End()
	_, span2 := i.Start(ctx, "ping")
	defer span2.End()
}
