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

// Logger is the framework's slog wrapper, kept in the context: slog's
// levels, each with its context twin, and the levels slog lacks.
type Logger interface {
	Debug(msg string, args ...any)
	DebugContext(ctx context.Context, msg string, args ...any)
	Info(msg string, args ...any)
	InfoContext(ctx context.Context, msg string, args ...any)
	Error(msg string, args ...any)
	ErrorContext(ctx context.Context, msg string, args ...any)
	Trace(msg string, args ...any)
	TraceContext(ctx context.Context, msg string, args ...any)
	Notice(msg string, args ...any)
	NoticeContext(ctx context.Context, msg string, args ...any)
}

// From returns the logger the context carries.
func From(ctx context.Context) Logger { return nil }
