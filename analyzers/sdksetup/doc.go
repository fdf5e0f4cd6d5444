// Package sdksetup is an otellint rule.
//
// # Analyzer sdksetup
//
// sdksetup: work in progress
package sdksetup
