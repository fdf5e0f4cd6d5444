// Package keys is checked with -cardinality.keys=tenant_id,conn.id: a
// service whose tenants are too many to be metric attributes.
package keys

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var logins, _ = otel.Meter("shop/auth").Int64Counter("logins")

type Conn struct{ ID string }

func Login(ctx context.Context, tenantID string, c Conn) {
	logins.Add(ctx, 1, metric.WithAttributes(
		attribute.String("tenant.id", tenantID), // want `metric attribute "tenant.id" names a configured high-cardinality key "tenant_id", an unbounded value.* \(cardinality/key\)`
		attribute.String("org", tenantID),       // want `metric attribute "org" gets tenantID \(named like a configured high-cardinality key "tenant_id"\).* \(cardinality/value\)`
		attribute.String("connection", c.ID),    // want `metric attribute "connection" gets c.ID \(named like a configured high-cardinality key "conn.id"\).* \(cardinality/value\)`
		attribute.String("tenant.plan", "free"),
		attribute.String("user_id", "anonymous"),
	))
}
