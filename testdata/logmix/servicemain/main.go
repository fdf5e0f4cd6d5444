// Command servicemain runs a service that logs with zap; startup messages
// printed with fmt and log bypass it.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	"go.uber.org/zap"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: servicemain [-addr host:port]\n")
	}
	flag.Parse()

	logger, err := zap.NewProduction()
	if err != nil {
		log.Fatalf("can't initialize zap logger: %v", err)
	}
	defer logger.Sync()
	audit, err := newAuditLogger(*addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "audit logger: %v\n", err)
		os.Exit(2)
	}
	defer audit.Sync()

	fmt.Println("starting server on", *addr) // want `^package uses zap for logging \(3 calls\); this fmt\.Println call uses fmt: use zap \(logmix/mixed-libraries\)$`
	logger.Info("listening", zap.String("addr", *addr))
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	if err := http.ListenAndServe(*addr, nil); err != nil {
		log.Printf("server stopped: %v", err) // want `this log\.Printf call uses log: use zap \(logmix/mixed-libraries\)$`
		logger.Error("server stopped", zap.Error(err))
		os.Exit(1)
	}
	logger.Info("bye")
}

// newAuditLogger builds the audit logger; failing to build it is reported
// with fmt in main, before any logger exists.
func newAuditLogger(addr string) (*zap.Logger, error) {
	cfg := zap.NewProductionConfig()
	cfg.InitialFields = map[string]any{"addr": addr}
	return cfg.Build()
}
