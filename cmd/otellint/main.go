// Command otellint checks Go packages for OpenTelemetry instrumentation
// mistakes.
//
// Usage:
//
//	otellint [flags] ./...
//	otellint help [rule]
//	go vet -vettool=$(command -v otellint) ./...
//
// Exit codes: 0 no findings, 1 load or usage error, 3 findings.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/otellint/otellint"
)

func main() { multichecker.Main(otellint.Analyzers()...) }
