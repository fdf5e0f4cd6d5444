// Package slogsetup installs the service's slog default logger.
package slogsetup

import (
	"log/slog"
	"os"
	"strings"
)

// Install makes a JSON logger the default.
func Install() {
	h := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{AddSource: true, Level: slog.LevelDebug}) // want `^slog\.HandlerOptions\{Level: slog\.LevelDebug\} hard-wires the debug level, so production records every debug message; take the level from a flag or the environment \(a slog\.LevelVar set with UnmarshalText\) \(logmix/debug-level\)$`
	slog.SetDefault(slog.New(h))
}

func init() {
	slog.SetLogLoggerLevel(slog.LevelDebug) // want `^slog\.SetLogLoggerLevel\(slog\.LevelDebug\) hard-wires the debug level`
}

// Level is changed at run time by the admin endpoint.
var Level slog.LevelVar

// Dynamic uses a LevelVar: the program sets it later.
func Dynamic() *slog.Logger {
	Level.Set(slog.LevelInfo)
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: &Level}))
}

// FromEnv maps LOG_LEVEL to a level.
func FromEnv() *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	switch strings.ToLower(os.Getenv("LOG_LEVEL")) {
	case "debug":
		opts = &slog.HandlerOptions{Level: slog.LevelDebug}
		slog.SetLogLoggerLevel(slog.LevelDebug)
	case "warn":
		opts.Level = slog.LevelWarn
	}
	return slog.New(slog.NewJSONHandler(os.Stdout, opts))
}

// Verbose turns debug on when the operator passes -v.
func Verbose(v bool) *slog.Logger {
	var opts slog.HandlerOptions
	if v {
		opts = slog.HandlerOptions{Level: slog.LevelDebug}
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &opts))
}

// Configured takes the level from the service configuration.
func Configured(level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))
}
