module otelhttp068.test

go 1.26.0

require (
	github.com/uptrace/bunrouter v1.0.23
	github.com/uptrace/bunrouter/extra/bunrouterotel v1.0.23
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.68.0
)

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/felixge/httpsnoop v1.0.4 // indirect
	github.com/go-logr/logr v1.4.3 // indirect
	github.com/go-logr/stdr v1.2.2 // indirect
	go.opentelemetry.io/auto/sdk v1.2.1 // indirect
	go.opentelemetry.io/otel v1.43.0 // indirect
	go.opentelemetry.io/otel/metric v1.43.0 // indirect
	go.opentelemetry.io/otel/trace v1.43.0 // indirect
)
