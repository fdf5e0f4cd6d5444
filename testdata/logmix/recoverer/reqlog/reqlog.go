// Package reqlog is a service's request logging: each request gets an entry
// type of its own, built on a logrus entry. The panic recoverer uses the
// request's entry when the logging middleware stored one and prints to
// stderr when it did not: with no entry there is no logger to use.
package reqlog

import (
	"fmt"
	"net/http"
	"os"
	"runtime/debug"

	"github.com/sirupsen/logrus"
)

type entryKey struct{}

// Entry is the request's log entry.
type Entry struct {
	*logrus.Entry
	RequestID string
}

// Panic records a recovered panic with its stack.
func (e *Entry) Panic(v any, stack []byte) {
	e.WithField("stack", string(stack)).Errorf("panic: %v", v)
}

// FromRequest returns the request's entry, or nil.
func FromRequest(r *http.Request) *Entry {
	e, _ := r.Context().Value(entryKey{}).(*Entry)
	return e
}

// Recoverer turns a panic into a 500.
func Recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rvr := recover(); rvr != nil {
				if entry := FromRequest(r); entry != nil {
					entry.Panic(rvr, debug.Stack())
				} else {
					fmt.Fprintf(os.Stderr, "panic: %+v\n", rvr) // ok: no entry, no logger to use
					debug.PrintStack()
				}
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// Audit writes an audit line through the request's entry, and a stray
// print beside it.
func Audit(r *http.Request, action string) {
	entry := FromRequest(r)
	if entry == nil {
		return
	}
	entry.WithField("action", action).Info("audit")
	fmt.Fprintf(os.Stderr, "audit %s %s\n", entry.RequestID, action) // want `^package uses logrus for logging \(\d+ calls\); this fmt\.Fprintf call uses fmt: use logrus \(logmix/mixed-libraries\)$`
}
