// Package bench pins the OpenTelemetry modules the benchmark lints, at fixed
// versions, so that runs are reproducible and offline after the first
// download through the module proxy.
package bench

import (
	_ "go.opentelemetry.io/contrib/instrumentation/host"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/httptrace/otelhttptrace"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	_ "go.opentelemetry.io/contrib/instrumentation/runtime"
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/sdk/metric"
	_ "go.opentelemetry.io/otel/sdk/trace"
)
