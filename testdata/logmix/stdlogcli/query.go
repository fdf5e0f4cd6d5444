// Package stdlogcli runs the queries of a command-line client. It follows
// the standard library's split: results go to standard output with fmt,
// failures and notes to standard error with log. Printing a result is not
// logging; a progress message printed with fmt next to log is.
package stdlogcli

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"
)

// Series is a query result.
type Series struct {
	Labels map[string]string `json:"labels"`
	Values []float64         `json:"values"`
}

// PrintJSON writes the result as indented JSON.
func PrintJSON(series []Series) {
	out, err := json.MarshalIndent(series, "", "  ")
	if err != nil {
		log.Fatalf("cannot encode the result: %v", err)
	}
	fmt.Println(string(out))
}

// PrintLabels writes one label name per line.
func PrintLabels(names []string) {
	if len(names) == 0 {
		log.Println("no labels matched")
		return
	}
	for _, n := range names {
		fmt.Println(n)
	}
}

// PrintTable writes the result as rows.
func PrintTable(series []Series) {
	for _, s := range series {
		fmt.Printf("%s\t%v\n", labelString(s.Labels), s.Values)
	}
}

// Query runs a query and reports its progress.
func Query(expr string) ([]Series, error) {
	log.Printf("querying %q", expr)
	fmt.Printf("fetched page 1 of %q\n", expr) // want `^package uses log for logging \(\d+ calls\); this fmt\.Printf call uses fmt: use log \(logmix/mixed-libraries\)$`
	return nil, nil
}

func labelString(labels map[string]string) string {
	parts := make([]string, 0, len(labels))
	for k, v := range labels {
		parts = append(parts, k+"="+v)
	}
	return "{" + strings.Join(parts, ",") + "}"
}
