// Package openapi is the instrumentation layer of a server generated from
// an OpenAPI document: each span is named after the operationId of the
// operation it serves, one of the fixed set the document declares.
package openapi

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("shop/openapi")

// Operation is a route of the generated router.
type Operation struct {
	OperationID string
	RouteID     string
	Handler     http.Handler
}

// Instrument starts the server span of one operation.
func Instrument(ctx context.Context, operationID string, serve func(context.Context) error) error {
	ctx, span := tracer.Start(ctx, operationID)
	defer span.End()
	return serve(ctx)
}

// Route names the span after the route's ID in the router table.
func Route(ctx context.Context, op Operation) {
	_, span := tracer.Start(ctx, "Router."+op.RouteID)
	defer span.End()
}

// Publish names the span after an event type, one of the schema's.
func Publish(ctx context.Context, eventTypeID string) {
	_, span := tracer.Start(ctx, "Events.Publish."+eventTypeID)
	defer span.End()
}

// Fetch names the span after the resource instance: still one name per
// resource.
func Fetch(ctx context.Context, resourceID string) {
	_, span := tracer.Start(ctx, "Resources.Get "+resourceID) // want `^span name is built from resourceID \(an ID\), which has unbounded cardinality; use a fixed name such as "Resources\.Get" and record resourceID as a span attribute \(spanname/dynamic\)$`
	defer span.End()
}
