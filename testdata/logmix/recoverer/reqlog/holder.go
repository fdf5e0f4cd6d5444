package reqlog

import (
	"fmt"
	"net/http"
	"os"

	"github.com/sirupsen/logrus"
)

// holder is the entry an older middleware stores: nothing but a logrus
// entry behind the router's log-entry methods.
type holder struct {
	entry *logrus.Entry
}

func (h *holder) Write(status int) { h.entry.WithField("status", status).Info("request done") }

type holderKey struct{}

func holderOf(r *http.Request) *holder {
	h, _ := r.Context().Value(holderKey{}).(*holder)
	return h
}

// LegacyRecoverer is Recoverer for the routes still on the older middleware.
func LegacyRecoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rvr := recover(); rvr != nil {
				if h := holderOf(r); h != nil {
					h.entry.Errorf("panic: %v", rvr)
				} else {
					fmt.Fprintln(os.Stderr, "panic:", rvr) // ok: no entry, no logger to use
				}
				w.WriteHeader(http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
