// Package logsetup builds the service's zap logger. The level comes from
// LOG_LEVEL; a value zap cannot parse is reported on stderr with the
// standard log package, because the logger it would configure does not
// exist yet. Printing anywhere else, once the logger exists, is mixing.
package logsetup

import (
	"log"
	"os"
	"strings"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// levelFromEnv reads LOG_LEVEL, falling back to def.
func levelFromEnv(def zapcore.Level) zapcore.Level {
	v, ok := os.LookupEnv("LOG_LEVEL")
	if !ok || v == "" {
		return def
	}
	lvl, err := zapcore.ParseLevel(strings.ToLower(v))
	if err != nil {
		log.Printf("invalid LOG_LEVEL %q: %v; using %s", v, err, def) // ok: the logger is being built
		return def
	}
	return lvl
}

// New builds the service's logger.
func New() *zap.SugaredLogger {
	level := zap.NewAtomicLevelAt(levelFromEnv(zapcore.InfoLevel))
	cfg := zap.NewProductionConfig()
	cfg.Level = level
	l, err := cfg.Build()
	if err != nil {
		log.Fatalf("cannot build logger: %v", err) // ok: the constructor failed
	}
	l.Debug("logger built", zap.String("level", level.String()))
	return l.Sugar()
}

// NewQuiet builds the logger of the command-line tools.
func NewQuiet() *zap.SugaredLogger {
	cfg := zap.NewProductionConfig()
	cfg.Level = zap.NewAtomicLevelAt(levelFromEnv(zapcore.WarnLevel))
	return zap.Must(cfg.Build()).Sugar()
}

// fieldsFromEnv reads extra static fields; the logger exists when it runs.
func fieldsFromEnv(l *zap.SugaredLogger) *zap.SugaredLogger {
	v := os.Getenv("LOG_FIELDS")
	if v == "" {
		return l
	}
	k, val, ok := strings.Cut(v, "=")
	if !ok {
		log.Printf("invalid LOG_FIELDS %q", v) // want `^package uses zap for logging \(\d+ calls\); this log\.Printf call uses log: use zap \(logmix/mixed-libraries\)$`
		return l
	}
	l.Infow("static fields set", k, val)
	return l.With(k, val)
}

// WithFields builds the logger and adds LOG_FIELDS.
func WithFields() *zap.SugaredLogger {
	return fieldsFromEnv(New())
}
