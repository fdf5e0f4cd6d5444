// Package api is otellint's shared knowledge of the APIs its rules inspect:
// OpenTelemetry tracing, metrics, baggage and SDK set-up, the logging
// libraries Go services use, context-carrying values, and the context-less
// standard-library calls that have a context-taking twin.
//
// Every question is answered from go/types, never from the spelling of an
// identifier or an import alias. Functions are keyed by their full name as
// go/types prints it — "log/slog.Info", "(*database/sql.DB).Query",
// "(go.opentelemetry.io/otel/trace.Tracer).Start" — so that teaching otellint
// a new API is one table row, and a rule reads like the policy it enforces.
//
// Analyzers ask this package questions; they do not re-implement matching.
// Everything here is cheap, allocation-light and safe on partially
// type-checked packages (missing TypesInfo entries yield "no").
package api
