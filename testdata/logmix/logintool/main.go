// Command logintool signs a person in to a deployment service from their
// terminal: the identity provider redirects their browser to a callback
// on localhost. That server serves the person at the machine, not
// requests, so the tool's debug logger prints to their terminal.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"strconv"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

func main() {
	port := flag.Int("port", 8085, "port of the login callback")
	flag.Parse()
	zerolog.SetGlobalLevel(zerolog.DebugLevel)

	codes := make(chan string, 1)
	http.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		codes <- r.URL.Query().Get("code")
		fmt.Fprintln(w, "You may close this window.")
	})
	srv := &http.Server{Addr: "localhost:" + strconv.Itoa(*port)}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal().Err(err).Msg("callback server failed")
		}
	}()
	log.Debug().Int("port", *port).Msg("waiting for the login callback")
	code := <-codes
	_ = srv.Close()
	log.Info().Bool("signed_in", code != "").Msg("login finished")
}
