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

	logrus.SetLevel(logrus.DebugLevel) // want `^logrus\.SetLevel\(logrus\.DebugLevel\) hard-wires the debug level, so production records every debug message; take the level from a flag or the environment \(logrus\.ParseLevel\) \(logmix/debug-level\)$`
	if lvl, err := logrus.ParseLevel(*level); err == nil {
		logrus.SetLevel(lvl)
	}
	audit := logrus.New()
	audit.SetLevel(logrus.TraceLevel) // want `^logrus\.Logger\.SetLevel\(logrus\.TraceLevel\) hard-wires the trace level, so production records every trace message`
	audit.SetLevel(logrus.InfoLevel)

	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		audit.WithContext(r.Context()).Info("orders")
	})
	logrus.Fatal(http.ListenAndServe(*addr, nil))
}
