// Package spanname is an otellint rule.
//
// # Analyzer spanname
//
// spanname: work in progress
package spanname
