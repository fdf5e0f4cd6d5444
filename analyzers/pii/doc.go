// Package pii is the otellint pii rule (work in progress).
package pii
