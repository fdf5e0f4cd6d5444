// Package spanname is the otellint spanname rule (work in progress).
package spanname
