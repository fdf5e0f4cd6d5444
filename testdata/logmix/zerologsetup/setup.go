// Package zerologsetup configures zerolog for the service.
package zerologsetup

import (
	"os"

	"github.com/rs/zerolog"
)

// Init sets the global level once at start-up.
func Init() {
	zerolog.SetGlobalLevel(zerolog.TraceLevel) // want `^zerolog\.SetGlobalLevel\(zerolog\.TraceLevel\) hard-wires the trace level, so production records every trace message; take the level from a flag or the environment \(zerolog\.ParseLevel\) \(logmix/debug-level\)$`
}

// FromString parses the configured level.
func FromString(s string) zerolog.Logger {
	lvl, err := zerolog.ParseLevel(s)
	if err != nil {
		lvl = zerolog.InfoLevel
	}
	zerolog.SetGlobalLevel(lvl)
	return zerolog.New(os.Stdout).Level(lvl).With().Timestamp().Logger()
}
