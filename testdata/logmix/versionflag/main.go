// Command versionflag is a zap service whose main prints its version and
// rejects a bad configuration before any logger exists: that is the
// program's output, not logging. Once the logger is built, fmt bypasses it.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"

	"go.uber.org/zap"
)

var version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return
	}
	if *addr == "" {
		fmt.Fprintln(os.Stderr, "versionflag: -addr must not be empty")
		os.Exit(2)
	}

	logger := zap.Must(zap.NewProduction())
	defer logger.Sync()

	fmt.Printf("listening on %s\n", *addr) // want `^package uses zap for logging \(2 calls\); this fmt\.Printf call uses fmt: use zap \(logmix/mixed-libraries\)$`
	if err := http.ListenAndServe(*addr, nil); err != nil {
		logger.Error("server stopped", zap.Error(err))
	}
	logger.Info("bye")
}
