// Package adapters is listed in -logmix.bridges: it adapts the standard
// log package and zap to slog, so its calls are not mixing.
package adapters

import (
	"log"
	"log/slog"

	"go.uber.org/zap"
)

// Install logs through each library once.
func Install(z *zap.Logger) {
	log.Print("standard log installed")
	z.Info("zap installed")
	slog.Info("slog installed")
}
