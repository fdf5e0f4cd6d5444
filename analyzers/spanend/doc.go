// Package spanend is an otellint rule.
//
// # Analyzer spanend
//
// spanend: work in progress
package spanend
