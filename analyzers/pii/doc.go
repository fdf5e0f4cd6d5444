// Package pii is an otellint rule.
//
// # Analyzer pii
//
// pii: work in progress
package pii
