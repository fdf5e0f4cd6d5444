package reqlog

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
)

// Logger is the program's own logging interface, which its handlers keep
// in the request context.
type Logger interface {
	Info(msg string, kv ...any)
	Error(msg string, kv ...any)
	With(kv ...any) Logger
}

type loggerKey struct{}

// RequireLogger returns the context's logger. Without one there is
// nothing to log with: it prints where it was called from and panics.
func RequireLogger(ctx context.Context) Logger {
	l, _ := ctx.Value(loggerKey{}).(Logger)
	if l == nil {
		fmt.Fprintf(os.Stderr, "no logger in context:\n%s", debug.Stack()) // ok: no logger to use
		panic("no logger in context")
	}
	return l
}

// Auditor audits requests: an interface that is not a logger.
type Auditor interface {
	Record(event string) error
}

// RequireAuditor returns the context's auditor; a missing one is reported
// with fmt although the package logs with logrus.
func RequireAuditor(ctx context.Context) Auditor {
	a, _ := ctx.Value(loggerKey{}).(Auditor)
	if a == nil {
		fmt.Fprintln(os.Stderr, "no auditor in context") // want `this fmt\.Fprintln call uses fmt: use logrus \(logmix/mixed-libraries\)$`
	}
	return a
}
