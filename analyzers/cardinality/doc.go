// Package cardinality is an otellint rule.
//
// # Analyzer cardinality
//
// cardinality: work in progress
package cardinality
