package lint

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns an analyzer's documentation from the package comment
// of its doc.go (embedded with //go:embed doc.go), so that the package
// comment is the one source of truth for the docs, `go doc`, and
// `otellint help <rule>`. The comment must contain a heading
// "# Analyzer <name>" followed by a paragraph starting "<name>: summary";
// the documentation is everything from that paragraph to the next
// "# Analyzer" heading or the end of the comment, less the "<name>: "
// prefix (the drivers print the name themselves). It panics on a malformed
// doc.go (a programming error caught by any test).
func MustExtractDoc(src, name string) string {
	doc, err := extractDoc(src, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("doc.go of %s: %v", name, err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go of %s has no package comment", name)
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		return "", fmt.Errorf("doc.go of %s: no %q heading", name, strings.TrimSpace(heading))
	}
	text = strings.TrimLeft(text[i+len(heading):], "\n")
	if !strings.HasPrefix(text, name+": ") {
		return "", fmt.Errorf("doc.go of %s: the heading must be followed by %q", name, name+": summary")
	}
	if j := strings.Index(text, "\n# Analyzer "); j >= 0 {
		text = text[:j]
	}
	// Analyzer.Doc is what follows "name: " (the driver prints the name).
	return strings.TrimSpace(strings.TrimPrefix(text, name+": ")), nil
}
