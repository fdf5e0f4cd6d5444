// Package harness starts the service's dependencies for integration tests
// and reports on the test run's output: a test-support package, checked
// like a _test.go file (only with -logmix.tests).
package harness

import (
	"fmt"
	"log"
	"os"
	"testing"
)

// Main runs the tests and reports leaked goroutines.
func Main(m *testing.M, leaked func() []string) {
	log.Println("starting test database")
	code := m.Run()
	if l := leaked(); len(l) > 0 {
		fmt.Fprintf(os.Stderr, "leaked goroutines: %v\n", l)
		code = 1
	}
	log.Printf("tests finished with code %d", code)
	os.Exit(code)
}
