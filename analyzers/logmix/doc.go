// Package logmix is an otellint rule.
//
// # Analyzer logmix
//
// logmix: work in progress
package logmix
