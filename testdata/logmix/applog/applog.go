// Package applog builds the service's zap logger.
package applog

import (
	"fmt"
	"net/http"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// New is what every binary of the service calls at start-up.
func New(service string) *zap.Logger {
	logger, err := zap.NewDevelopment(zap.AddCaller(), zap.Fields(zap.String("service", service))) // want `^zap\.NewDevelopment builds a development logger that records every debug message; build the program's logger with zap\.NewProduction, or from a zap\.Config whose Level comes from a flag or the environment \(zap\.ParseAtomicLevel\) \(logmix/debug-level\)$`
	if err != nil {
		panic(err)
	}
	return logger
}

// JSON builds the production encoder at debug level.
func JSON() (*zap.Logger, error) {
	cfg := zap.NewProductionConfig()
	cfg.Level = zap.NewAtomicLevelAt(zap.DebugLevel) // want `^zap\.NewAtomicLevelAt\(zap\.DebugLevel\) hard-wires the debug level, so production records every debug message; take the level from a flag or the environment \(zap\.ParseAtomicLevel\) \(logmix/debug-level\)$`
	return cfg.Build()
}

// Level is the level shared by every logger of the process; the admin
// endpoint changes it at run time.
func Level(mux *http.ServeMux) zap.AtomicLevel {
	lvl := zap.NewAtomicLevelAt(zap.DebugLevel)
	mux.Handle("/log/level", lvl)
	return lvl
}

// ByEnv starts from the development logger and replaces it in production.
func ByEnv() *zap.Logger {
	logger, _ := zap.NewDevelopment()
	if os.Getenv("APP_ENV") == "prod" {
		logger, _ = zap.NewProduction()
	}
	return logger
}

// Audit builds the audit logger straight from the development config.
func Audit() (*zap.Logger, error) {
	return zap.NewDevelopmentConfig().Build() // want `^zap\.NewDevelopmentConfig's level is debug and nothing here sets the config's Level`
}

// FromEnv reads the level from LOG_LEVEL.
func FromEnv() (*zap.Logger, error) {
	cfg := zap.NewProductionConfig()
	lvl, err := zap.ParseAtomicLevel(os.Getenv("LOG_LEVEL"))
	if err != nil {
		return nil, fmt.Errorf("LOG_LEVEL: %w", err)
	}
	cfg.Level = lvl
	return cfg.Build()
}

// Console keeps the development encoder but takes the level it is given.
func Console(level zapcore.Level) (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig()
	cfg.Level = zap.NewAtomicLevelAt(level)
	cfg.DisableStacktrace = true
	return cfg.Build()
}

// Pick builds the development logger only when the operator asks for it.
func Pick(debug bool) (*zap.Logger, error) {
	if debug {
		return zap.NewDevelopment()
	}
	return zap.NewProduction()
}

// Options passes its caller's options on: they may raise the level.
func Options(opts ...zap.Option) (*zap.Logger, error) {
	return zap.NewDevelopment(opts...)
}

// Quiet drops debug messages unless verbose is set.
func Quiet(verbose bool) *zap.Logger {
	logger, _ := zap.NewDevelopment()
	if !verbose {
		logger = logger.WithOptions(zap.IncreaseLevel(zapcore.InfoLevel))
	}
	return logger
}

// BaseConfig hands the development config to its caller, which sets the
// level.
func BaseConfig() zap.Config {
	return zap.NewDevelopmentConfig()
}

// OtelDebug is the level OpenTelemetry's internal logger uses for its
// Debug(): a number chosen on purpose, not the debug constant.
func OtelDebug() zap.AtomicLevel {
	return zap.NewAtomicLevelAt(zapcore.Level(-8))
}

// devLogger is only used by this package's tests.
func devLogger() *zap.Logger {
	l, _ := zap.NewDevelopment()
	return l
}

// Switch picks the level from a level string.
func Switch(level string) zap.AtomicLevel {
	switch level {
	case "debug":
		return zap.NewAtomicLevelAt(zap.DebugLevel)
	default:
		return zap.NewAtomicLevelAt(zap.InfoLevel)
	}
}

// Verbose is the development logger of the -v flag.
func verbose() *zap.Logger {
	l, _ := zap.NewDevelopment()
	return l
}

// ForFlags calls verbose only when the flag is set.
func ForFlags(v bool) *zap.Logger {
	if v {
		return verbose()
	}
	return zap.NewNop()
}
