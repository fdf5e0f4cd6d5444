// Command levelsvc serves orders and logs with logrus.
package main

import (
	"flag"
	"net/http"

	"github.com/sirupsen/logrus"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	level := flag.String("log-level", "info", "log level")
	flag.Parse()

	logrus.SetLevel(logrus.DebugLevel) // a default the flag replaces
	if lvl, err := logrus.ParseLevel(*level); err == nil {
		logrus.SetLevel(lvl)
	}
	audit := newAudit()

	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		audit.WithContext(r.Context()).Info("orders")
	})
	logrus.Fatal(http.ListenAndServe(*addr, nil))
}

// newAudit builds the audit trail's logger.
func newAudit() *logrus.Logger {
	audit := logrus.New()
	audit.SetLevel(logrus.TraceLevel) // want `^logrus\.Logger\.SetLevel\(logrus\.TraceLevel\) hard-wires the trace level, so production records every trace message; take the level from a flag or the environment \(logrus\.ParseLevel\) \(logmix/debug-level\)$`
	return audit
}
