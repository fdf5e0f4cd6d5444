package api

import "go/types"

// tracingSetups are the import paths (and the trees below them) of the
// packages through which a program installs tracing or takes part in a
// trace: OpenTelemetry's API, SDK, exporters, propagators, contrib
// instrumentation and configuration; OpenTracing, Jaeger's and Zipkin's
// clients, OpenCensus, Datadog, Elastic APM, New Relic; and Grafana's
// dskit tracing set-up.
var tracingSetups = []string{
	"go.opentelemetry.io/otel",
	"go.opentelemetry.io/contrib",
	"github.com/opentracing/opentracing-go",
	"github.com/uber/jaeger-client-go",
	"github.com/openzipkin/zipkin-go",
	"go.opencensus.io",
	"contrib.go.opencensus.io",
	"gopkg.in/DataDog/dd-trace-go.v1",
	"github.com/DataDog/dd-trace-go/v2",
	"go.elastic.co/apm",
	"github.com/newrelic/go-agent",
	"github.com/grafana/dskit/tracing",
}

// ImportsTracing reports whether pkg imports, directly, a package of a
// tracing API, SDK or set-up (see tracingSetups). A package that does not
// neither starts nor installs tracing by its own code.
func ImportsTracing(pkg *types.Package) bool {
	return ImportsAny(pkg, tracingSetups...)
}
