// Package tracing holds the service's tracer, so that handlers need not
// import OpenTelemetry themselves.
package tracing

import "go.opentelemetry.io/otel"

// Tracer is the service's tracer.
var Tracer = otel.Tracer("shop")
