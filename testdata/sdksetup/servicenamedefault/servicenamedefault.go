// Package servicenamedefault builds a resource without a service.name; the
// service-name check is off by default, so nothing is reported here.
package servicenamedefault

import (
	"context"

	"go.opentelemetry.io/otel/sdk/resource"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

// Resource relies on the deployment setting OTEL_SERVICE_NAME... but forgets
// WithFromEnv.
func Resource(ctx context.Context) (*resource.Resource, error) {
	return resource.New(ctx, resource.WithAttributes(semconv.ServiceVersion("1.0.0"))) // ok: service-name is off by default
}
