// Package cgiout answers CGI requests: standard output is the response, so
// its fmt printing is output, not logging, and it outnumbers the log calls.
package cgiout

import (
	"fmt"
	"log"
	"os"
)

// Respond writes the CGI response.
func Respond(status int, body string) {
	fmt.Printf("Status: %d\r\n", status)
	fmt.Printf("Content-Type: text/plain\r\n\r\n")
	fmt.Print(body)
	if err := os.Stdout.Sync(); err != nil {
		log.Printf("flush: %v", err)
	}
}
