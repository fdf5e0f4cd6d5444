// Package chained builds requests in its tests; see chained_test.go.
package chained
