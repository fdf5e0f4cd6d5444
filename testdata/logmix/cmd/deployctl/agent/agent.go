// Package agent is deployctl's long-running agent mode: it serves the
// deployment service's callbacks on every interface, so it is a service
// and its stray prints are log lines with the wrong library.
package agent

import (
	"fmt"
	"net/http"

	"github.com/sirupsen/logrus"
)

// Serve runs the agent until its server fails.
func Serve(addr string) error {
	srv := &http.Server{Addr: addr, Handler: http.HandlerFunc(callback)}
	logrus.WithField("addr", addr).Info("agent listening")
	return srv.ListenAndServe()
}

func callback(w http.ResponseWriter, r *http.Request) {
	fmt.Println("callback from", r.RemoteAddr) // want `package uses logrus for logging \(1 call\); this fmt.Println call uses fmt: use logrus \(logmix/mixed-libraries\)`
	w.WriteHeader(http.StatusNoContent)
}
