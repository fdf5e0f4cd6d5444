// Package ctxprop is an otellint rule.
//
// # Analyzer ctxprop
//
// ctxprop: work in progress
package ctxprop
