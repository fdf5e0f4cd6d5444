// Package servicename builds resources with and without a service.name.
// The check is off by default; the tests switch it on.
package servicename

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/resource"
	semconv21 "go.opentelemetry.io/otel/semconv/v1.21.0"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

func versionOnly(ctx context.Context) (*resource.Resource, error) {
	return resource.New(ctx, // want `^resource built here has no service\.name, so backends cannot tell which service sent its telemetry; add semconv\.ServiceName\(\.\.\.\) to its attributes, or resource\.WithFromEnv\(\) to read OTEL_SERVICE_NAME \(sdksetup/service-name\)$`
		resource.WithAttributes(
			semconv.ServiceVersion("1.2.3"),
			semconv.DeploymentEnvironment("prod"),
			attribute.String("team", "payments"),
		),
	)
}

func hostOnly(ctx context.Context) (*resource.Resource, error) {
	return resource.New(ctx, resource.WithHost(), resource.WithTelemetrySDK(), resource.WithProcess()) // want `^resource built here has no service\.name, .* \(sdksetup/service-name\)$`
}

func withAttributes() *resource.Resource {
	return resource.NewWithAttributes(semconv.SchemaURL, // want `^resource built here has no service\.name, so backends cannot tell which service sent its telemetry; add semconv\.ServiceName\(\.\.\.\) to its attributes, or merge it with resource\.Default\(\), which reads OTEL_SERVICE_NAME \(sdksetup/service-name\)$`
		semconv.ServiceVersion("1.2.3"),
		attribute.Key("deployment.environment").String("prod"),
	)
}

func schemaless() *resource.Resource {
	return resource.NewSchemaless(attribute.String("env", "prod")) // want `^resource built here has no service\.name, .* \(sdksetup/service-name\)$`
}

func wrongKey() *resource.Resource {
	return resource.NewSchemaless(attribute.String("service", "checkout")) // want `^resource built here has no service\.name, .* \(sdksetup/service-name\)$`
}

// --- clean ---------------------------------------------------------------------

func guide(ctx context.Context) (*resource.Resource, error) {
	return resource.New(ctx, // ok: semconv.ServiceName (the guide's step 1.1, semconv v1.21.0)
		resource.WithAttributes(
			semconv21.ServiceName("order-svc"),
			semconv21.ServiceVersion("1.2.3"),
			attribute.String("team", "payments"),
		),
	)
}

func attributeString() *resource.Resource {
	return resource.NewSchemaless(attribute.String("service.name", "checkout")) // ok: service.name by key
}

func keyConstant() *resource.Resource {
	return resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceNameKey.String("checkout")) // ok: semconv key
}

func fromEnv(ctx context.Context) (*resource.Resource, error) {
	return resource.New(ctx, resource.WithFromEnv(), resource.WithHost()) // ok: OTEL_SERVICE_NAME
}

func detectors(ctx context.Context, d resource.Detector) (*resource.Resource, error) {
	return resource.New(ctx, resource.WithDetectors(d)) // ok: a detector may name the service
}

func optionsFromCaller(ctx context.Context, opts ...resource.Option) (*resource.Resource, error) {
	return resource.New(ctx, opts...) // ok: options unknown
}

func dynamicKey(key, value string) *resource.Resource {
	return resource.NewSchemaless(attribute.String(key, value)) // ok: key unknown
}

func attributesFromVariable(ctx context.Context, attrs []attribute.KeyValue) (*resource.Resource, error) {
	return resource.New(ctx, resource.WithAttributes(attrs...)) // ok: attributes unknown
}

func mergedWithDefault() (*resource.Resource, error) {
	return resource.Merge(resource.Default(), resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceVersion("1"))) // ok: merged with the default resource
}

func mergedLater() (*resource.Resource, error) {
	extra := resource.NewSchemaless(attribute.String("team", "payments")) // ok: merged below
	return resource.Merge(resource.Default(), extra)
}
