package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The github format prints GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's diff:
//
//	::warning file=orders/repo.go,line=16,col=2,endLine=16,endColumn=40,title=otellint spanend/not-ended::span "..." is not ended ...
//
// File names are relative to the repository root the runner checked out
// ($GITHUB_WORKSPACE), which is where annotations are anchored, or to the
// working directory outside Actions. Load errors are ::error commands.

func printGitHub(w io.Writer, r *report) error {
	root := githubRoot()
	var b strings.Builder
	for _, e := range r.loadErrs {
		props := []string{}
		if e.file != "" {
			props = append(props, "file="+escapeProperty(relativeSlash(root, e.file)))
			if e.line > 0 {
				props = append(props, fmt.Sprintf("line=%d", e.line))
			}
			if e.col > 0 {
				props = append(props, fmt.Sprintf("col=%d", e.col))
			}
		}
		props = append(props, "title="+escapeProperty("otellint: package did not load"))
		fmt.Fprintf(&b, "::error %s::%s\n", strings.Join(props, ","), escapeData(e.msg))
	}
	for _, e := range r.errors {
		fmt.Fprintf(&b, "::error title=%s::%s\n", escapeProperty("otellint: analyzer failed"), escapeData(e.String()))
	}
	for _, f := range r.findings {
		props := []string{
			"file=" + escapeProperty(relativeSlash(root, f.posn.Filename)),
			fmt.Sprintf("line=%d", f.posn.Line),
			fmt.Sprintf("col=%d", f.posn.Column),
		}
		if f.end.IsValid() && f.end.Filename == f.posn.Filename && f.end.Line >= f.posn.Line {
			props = append(props, fmt.Sprintf("endLine=%d", f.end.Line))
			if f.end.Line == f.posn.Line && f.end.Column > f.posn.Column {
				props = append(props, fmt.Sprintf("endColumn=%d", f.end.Column))
			}
		}
		props = append(props, "title="+escapeProperty("otellint "+f.category()))
		fmt.Fprintf(&b, "::warning %s::%s\n", strings.Join(props, ","), escapeData(f.message+"\n"+f.url()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubRoot is the directory annotation paths are relative to.
func githubRoot() string {
	if ws := os.Getenv("GITHUB_WORKSPACE"); ws != "" {
		if abs, err := filepath.Abs(ws); err == nil {
			return realPath(abs)
		}
	}
	return realPath(workDir)
}

func relativeSlash(root, file string) string {
	return filepath.ToSlash(relativeTo(root, realPath(file)))
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}
