// Package applog is a service framework's logging package: each level has
// a twin that takes the context, which its handlers read the trace from.
package applog

import "context"

// Info logs at info level.
func Info(msg string, kv ...any) {}

// InfoContext logs at info level with the context's trace.
func InfoContext(ctx context.Context, msg string, kv ...any) {}

// Errorf logs a formatted error.
func Errorf(format string, args ...any) {}

// ErrorfContext logs a formatted error with the context's trace.
func ErrorfContext(ctx context.Context, format string, args ...any) {}
