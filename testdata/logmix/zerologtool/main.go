// Command zerologtool replays a trace file against a collector: a tool a
// person runs, which prints its debug output to the terminal.
package main

import (
	"flag"
	"os"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

func main() {
	file := flag.String("file", "trace.json", "trace to replay")
	flag.Parse()
	zerolog.SetGlobalLevel(zerolog.DebugLevel)
	if _, err := os.Stat(*file); err != nil {
		log.Fatal().Err(err).Msg("no trace file")
	}
	log.Debug().Str("file", *file).Msg("replaying")
}
