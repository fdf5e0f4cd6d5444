// Package cardinality is the otellint cardinality rule (work in progress).
package cardinality
