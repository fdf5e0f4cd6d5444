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
