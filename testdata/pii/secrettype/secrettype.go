// Package secrettype keeps credentials in types that mask themselves when
// logged: a Secret whose String and LogValue print stars, credentials whose
// String shows the user name only. Logging such a value whole is safe;
// logging the string inside it is not, nor is a type whose method shows the
// value after all.
package secrettype

import (
	"context"
	"log"
	"log/slog"

	"go.uber.org/zap"
)

// Secret is a string that never prints itself.
type Secret string

func (Secret) String() string { return "[REDACTED]" }

func (Secret) LogValue() slog.Value { return slog.StringValue("[REDACTED]") }

// Creds are a user name and password.
type Creds struct {
	Username string
	Password Secret
}

func (c Creds) String() string { return c.Username + ":***" }

// Email is an address that prints itself in the clear.
type Email string

func (e Email) String() string { return string(e) }

// APIToken prints its password field: no mask.
type APIToken struct {
	ID     string
	Secret string
}

func (t APIToken) String() string { return t.ID + ":" + t.Secret }

// Config is the service's configuration.
type Config struct {
	DBPassword Secret
	APIKey     Secret
	Admin      Email
	Token      APIToken
}

// Start logs the configuration the way services do.
func Start(ctx context.Context, cfg Config, c Creds, sugar *zap.SugaredLogger) {
	slog.InfoContext(ctx, "starting", "db_password", cfg.DBPassword, "api_key", cfg.APIKey)
	log.Printf("db password %s, api key %v", cfg.DBPassword, cfg.APIKey)
	sugar.Infow("login", "creds", c)
	sugar.Infow("login", "password", c.Password)
	zap.L().Info("login", zap.Stringer("password", c.Password))

	// Reported: the string inside the secret, and types that show it.
	slog.InfoContext(ctx, "starting", "db_password", string(cfg.DBPassword)) // want `^string\(cfg\.DBPassword\) \(built from cfg\.DBPassword, a password\) reaches slog field "db_password" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	slog.InfoContext(ctx, "starting", "admin_email", cfg.Admin)              // want `^cfg\.Admin \(an email address\) reaches slog field "admin_email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	sugar.Infow("starting", "token", cfg.Token)                              // want `^cfg\.Token \(a token\) reaches zap field "token" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}
