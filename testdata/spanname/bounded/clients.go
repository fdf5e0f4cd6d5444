// Package bounded instruments an SDK client and a query hook: the values in
// its span names look variable but come from fixed sets.
package bounded

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/sdk/instrumentation")

// spanName joins an SDK's service identifier ("S3", "DynamoDB") and its
// operation: both name kinds of things, not instances.
func spanName(serviceID, operation string) string {
	return serviceID + "." + operation
}

func Invoke(ctx context.Context, serviceID, operation, regionID string) {
	ctx, span := tracer.Start(ctx, spanName(serviceID, operation))
	defer span.End()
	_, s2 := tracer.Start(ctx, "Invoke."+regionID)
	defer s2.End()
}

// An ID of an instance is still an ID.
func Fetch(ctx context.Context, objectID string) {
	_, span := tracer.Start(ctx, "Fetch."+objectID) // want `^span name is built from objectID \(an ID\), which has unbounded cardinality; use a fixed name and record objectID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
}

// A value tested against constants in a switch is one of them.
func Route(ctx context.Context, tableID string) {
	switch tableID {
	case "orders", "customers":
		_, span := tracer.Start(ctx, "scan."+tableID)
		defer span.End()
	default:
		_, span := tracer.Start(ctx, "scan."+tableID) // want `^span name is built from tableID \(an ID\), .* \(spanname/dynamic\)$`
		defer span.End()
	}
}

var opNames = map[int]string{1: "Query.Select", 2: "Query.Insert"}

// A name looked up in a fixed table is one of its values.
func Op(ctx context.Context, opID int) {
	_, span := tracer.Start(ctx, opNames[opID])
	defer span.End()
}

// Generate starts a configured number of child spans, as a load
// generator does: the count comes from a flag.
type Config struct{ ChildSpans int }

func Generate(ctx context.Context, cfg Config) {
	for c := 0; c < cfg.ChildSpans; c++ {
		_, child := tracer.Start(ctx, fmt.Sprintf("child-%02d", c))
		child.End()
	}
}

// QueryHook starts a span before each query with no name and names it
// after the query, in AfterQuery: the empty start name never reaches a
// back end.
type QueryHook struct{}

type QueryEvent struct{ Operation string }

func (QueryHook) BeforeQuery(ctx context.Context, ev *QueryEvent) context.Context {
	ctx, span := tracer.Start(ctx, "")
	_ = span.SpanContext()
	return ctx
}

func (QueryHook) AfterQuery(ctx context.Context, ev *QueryEvent) {
	span := trace.SpanFromContext(ctx)
	span.SetName("db." + ev.Operation)
	span.End()
}

// Renamed in the same function once the route is known.
func Serve(ctx context.Context, route string) {
	_, span := tracer.Start(ctx, "")
	defer span.End()
	span.SetName("Serve " + route)
}

// A span that is ended here and never renamed keeps its empty name.
func Ping(ctx context.Context) {
	_, span := tracer.Start(ctx, "") // want `^span name is empty; name the operation the span measures, e\.g\. "bounded\.Ping", the operation this function performs \(spanname/empty\)$`
	defer span.End()
}
