// Package fmtonly renders a report for a command-line tool: it prints with
// fmt and uses no logging library, so there is nothing to mix.
package fmtonly

import (
	"fmt"
	"os"
	"strings"
)

// Row is one line of the report.
type Row struct {
	Name  string
	Count int
}

// Print prints the report to standard output.
func Print(rows []Row) {
	fmt.Println(strings.Repeat("=", 20))
	for _, r := range rows {
		fmt.Printf("%-12s %6d\n", r.Name, r.Count)
	}
	fmt.Fprintln(os.Stderr, len(rows), "rows")
}
