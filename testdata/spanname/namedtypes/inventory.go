// Package namedtypes is an inventory service whose operations and statuses
// are named string and integer types.
package namedtypes

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("shop/inventory")

// Operation is an enumeration: only its constants exist.
type Operation string

const (
	OpReserve Operation = "Reserve"
	OpRelease Operation = "Release"
	OpRestock Operation = "Restock"
)

// Status is an integer enumeration with a String method.
type Status int

const (
	Available Status = iota
	Reserved
	Sold
)

func (s Status) String() string {
	switch s {
	case Available:
		return "Available"
	case Reserved:
		return "Reserved"
	}
	return "Sold"
}

// Tenant is a named string type the package fills from request headers: it
// is not an enumeration.
type Tenant string

// ProductID names an identifier.
type ProductID string

type Inventory struct{}

func (Inventory) Do(ctx context.Context, op Operation) {
	_, span := tracer.Start(ctx, "Inventory."+string(op))
	defer span.End()
	_, s2 := tracer.Start(ctx, fmt.Sprintf("Inventory.StockService.%s", op))
	defer s2.End()
}

func (Inventory) Transition(ctx context.Context, to Status) {
	// fmt prints Reserved through its String method: "Inventory.MarkAsReserved".
	_, s0 := tracer.Start(ctx, fmt.Sprintf("Inventory.MarkAs%s", Reserved))
	defer s0.End()
	_, span := tracer.Start(ctx, "Inventory.MarkAs"+to.String())
	defer span.End()
	_, s2 := tracer.Start(ctx, fmt.Sprintf("Inventory.MarkAs%v", to))
	defer s2.End()
}

func (Inventory) Lookup(ctx context.Context, id ProductID) {
	_, span := tracer.Start(ctx, "Inventory.Lookup "+string(id)) // want `^span name is built from id \(an ID\), which has unbounded cardinality; use a fixed name such as "Inventory\.Lookup" and record id as a span attribute \(spanname/dynamic\)$`
	defer span.End()
}

func (Inventory) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tenant := Tenant(r.Header.Get("X-Tenant"))
	_, span := tracer.Start(r.Context(), "Inventory.List."+string(tenant)) // want `^span name is built from r\.Header\.Get\("X-Tenant"\) \(a value the client chooses\), .* \(spanname/dynamic\)$`
	defer span.End()
}

// forTenant is only ever called with a Tenant built from a header.
func (Inventory) forTenant(ctx context.Context, t Tenant) {
	_, span := tracer.Start(ctx, "Inventory.Tenant."+string(t))
	defer span.End()
}

// stockSpanName is the name type of the Restock flow.
type stockSpanName string

const restockName stockSpanName = "restock"

func (Inventory) Restock(ctx context.Context) {
	_, span := tracer.Start(ctx, string(restockName))
	defer span.End()
}
