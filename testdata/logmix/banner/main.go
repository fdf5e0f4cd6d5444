// Command console runs a small order API. Before it serves, it prints a
// welcome screen for the person who started it; its logs go through slog.
package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
)

type config struct {
	addr    string
	siteURL string
}

func main() {
	cfg := config{addr: ":8080", siteURL: "http://localhost:8080/"}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	printWelcome(cfg)
	printRule()
	announce(cfg)
	logger.Info("starting", "addr", cfg.addr)
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			fmt.Printf("bad order form: %v\n", err) // want `^package uses slog for logging \(3 calls\); this fmt\.Printf call uses fmt: use slog \(logmix/mixed-libraries\)$`
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		logger.InfoContext(r.Context(), "order received", "sku", r.FormValue("sku"))
	})
	if err := http.ListenAndServe(cfg.addr, nil); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

// printWelcome lays out a screen of links, with blank lines between its
// parts: text for a terminal, not log records.
func printWelcome(cfg config) {
	fmt.Println("docs           https://docs.example.com/console")
	fmt.Println("issues         https://github.com/example/console/issues")
	fmt.Println()
	fmt.Printf("open the UI    %s\n", cfg.siteURL)
	fmt.Print("\n")
}

// printRule draws a line under the welcome screen.
func printRule() {
	fmt.Println("----------------------------------------")
	fmt.Fprintln(os.Stdout, "order console")
	fmt.Fprintln(os.Stdout, "========================================")
}

// announce reports the address with fmt, one line and no layout: a log
// message written past the logger.
func announce(cfg config) {
	fmt.Printf("listening on %s\n", cfg.addr) // want `this fmt\.Printf call uses fmt: use slog \(logmix/mixed-libraries\)$`
}

// waitReady polls the API until it answers, printing a mark per attempt
// for the person watching the terminal: a progress line, and its last words
// belong to it.
func waitReady(url string) error {
	for i := 0; i < 30; i++ {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			fmt.Println("+")
			return nil
		}
		fmt.Print(".")
	}
	fmt.Println("gave up waiting for", url)
	return fmt.Errorf("%s: not ready", url)
}
