// Package broker connects to a message broker whose address may carry a
// password; it logs the address only once the password is stripped.
package broker

import (
	"log/slog"

	"otellint.test/pii/broker/urls"
)

// Config is the broker's configuration.
type Config struct {
	URL      string
	Password string
}

// Broker publishes messages.
type Broker struct {
	cfg Config
	log *slog.Logger
}

// Run connects and reports where.
func (b *Broker) Run() {
	b.log.Info("broker running", "url", urls.StripPassword(b.cfg.URL), "host", urls.Host(b.cfg.URL))
	b.log.Debug("broker config", "password", urls.Normalize(b.cfg.Password)) // want `slog field "password" names a password but its value urls\.Normalize\(b\.cfg\.Password\) is not masked or hashed`
}
