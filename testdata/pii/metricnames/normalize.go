// Package metricnames turns OTLP metric names into Prometheus names by
// splitting them into name tokens and joining them again. A lexical token
// is a piece of a name, not a credential; an auth token read from the
// environment still is.
package metricnames

import (
	"log"
	"os"
	"strings"
	"unicode"
)

// normalize splits a dotted metric name into its name tokens and appends
// the unit.
func normalize(name, unit string) string {
	nameTokens := strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	unitTokens := strings.SplitN(unit, "/", 2)
	if len(unitTokens) == 2 && unitTokens[1] != "" {
		unitTokens = append(unitTokens[:1], "per", unitTokens[1])
	}
	if unit != "" {
		nameTokens = append(nameTokens, unitTokens...)
	}
	return strings.Join(nameTokens, "_")
}

// Forward logs a request's credentials; the tokens split
// from an Authorization header are that header's pieces.
func Forward(authorization string) {
	authTokens := strings.Fields(authorization)
	if len(authTokens) == 2 {
		log.Printf("forwarding credentials %s", authTokens[1]) // want `^authTokens\[1\] \(built from authorization, an Authorization header\) reaches the log message of log\.Printf in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	}
}

// Rename logs the names it changes.
func Rename(name, unit string) string {
	promName := normalize(name, unit)
	if promName != name {
		log.Printf("metric %q exported as %q", name, promName)
	}
	return promName
}

// Push logs where it pushes to.
func Push(endpoint string) {
	authToken := os.Getenv("PUSH_AUTH_TOKEN")
	log.Printf("pushing to %s with %s", endpoint, authToken) // want `^authToken \(a token\) reaches the log message of log\.Printf in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}
