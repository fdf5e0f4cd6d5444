// Package recoverer is the panic-recovery middleware of an API that logs
// with logrus through a per-request entry. When the request has no entry
// (the logging middleware did not run), there is no logger to use and the
// panic goes to stderr: that fallback is not a second logging library.
// The internal HTTP timeout is read in init, before main configures any
// logger, and a bad value stops the program with the standard log.
package recoverer

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/sirupsen/logrus"
)

type entryKey struct{}

var timeout = 10 * time.Second

func init() {
	if s := os.Getenv("API_INTERNAL_HTTP_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			log.Fatalf("invalid API_INTERNAL_HTTP_TIMEOUT %q: %v", s, err)
		}
		timeout = d
	}
}

// LogEntry returns the request's log entry, or nil.
func LogEntry(r *http.Request) *logrus.Entry {
	e, _ := r.Context().Value(entryKey{}).(*logrus.Entry)
	return e
}

// WithLogEntry stores the request's log entry.
func WithLogEntry(r *http.Request, e *logrus.Entry) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), entryKey{}, e))
}

// Recover turns a panic into a 500.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rvr := recover(); rvr != nil {
				if entry := LogEntry(r); entry != nil {
					entry.WithField("stack", string(debug.Stack())).Error("panic while serving the request")
				} else {
					fmt.Fprintf(os.Stderr, "panic: %+v\n", rvr)
					debug.PrintStack()
				}
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// Timeout bounds the request by the internal HTTP timeout.
func Timeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		if entry := LogEntry(r); entry != nil {
			entry.WithContext(ctx).Debug("request deadline set")
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Slow warns about a slow request; with an entry at hand the print is a
// stray second library.
func Slow(r *http.Request, took time.Duration) {
	if entry := LogEntry(r); entry != nil {
		fmt.Fprintf(os.Stderr, "slow request %s took %v\n", r.URL.Path, took) // want `^package uses logrus for logging \(\d+ calls\); this fmt\.Fprintf call uses fmt: use logrus \(logmix/mixed-libraries\)$`
		entry.WithContext(r.Context()).Warn("slow request")
	}
}
