// Package spanend is the otellint spanend rule (work in progress).
package spanend
