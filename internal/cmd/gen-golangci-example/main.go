// Command gen-golangci-example regenerates, from the analyzers' flags, the
// example golangci-lint configuration .golangci.example.yml and the settings
// reference in docs/golangci.md. Run it from the repository root (go
// generate in the root package does):
//
//	go run ./internal/cmd/gen-golangci-example
package main

import (
	"fmt"
	"os"

	"github.com/otellint/otellint"
	"github.com/otellint/otellint/internal/cmd/gen-golangci-example/gen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen-golangci-example:", err)
		os.Exit(1)
	}
}

func run() error {
	analyzers := otellint.Analyzers()
	if err := os.WriteFile(".golangci.example.yml", gen.Example(analyzers), 0o644); err != nil {
		return err
	}
	const docPath = "docs/golangci.md"
	doc, err := os.ReadFile(docPath)
	if err != nil {
		return err
	}
	doc, err = gen.ReplaceReference(doc, gen.Reference(analyzers))
	if err != nil {
		return fmt.Errorf("%s: %v", docPath, err)
	}
	return os.WriteFile(docPath, doc, 0o644)
}
