// Command gen-checks-doc regenerates docs/checks.md, the page every
// finding's documentation link points into, from the analyzers' doc.go
// files (through otellint.Analyzers, so a new rule needs no change here).
// Run it from the repository root (go generate in the root package does):
//
//	go run ./internal/cmd/gen-checks-doc
package main

import (
	"fmt"
	"os"

	"github.com/otellint/otellint"
	"github.com/otellint/otellint/internal/checkdoc"
)

func main() {
	doc, err := checkdoc.Document(otellint.Analyzers())
	if err == nil {
		err = os.WriteFile("docs/checks.md", doc, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-checks-doc:", err)
		os.Exit(1)
	}
}
