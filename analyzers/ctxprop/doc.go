// Package ctxprop is the otellint ctxprop rule (work in progress).
package ctxprop
