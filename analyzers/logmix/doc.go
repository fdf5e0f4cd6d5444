// Package logmix is the otellint logmix rule (work in progress).
package logmix
