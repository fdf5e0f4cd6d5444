package consistency

import (
	"go.uber.org/zap"
)

// StorageConfig reaches an S3 bucket with static or session credentials.
type StorageConfig struct {
	Endpoint        string
	AccessKeyID     string
	SecretAccessKey string
	Token           string
}

// Connect logs where it connects; the session token beside the secret key
// is a credential.
func Connect(log *zap.SugaredLogger, c StorageConfig) {
	log.Debugw("connecting to storage", "endpoint", c.Endpoint, "token", c.Token) // want `^c\.Token \(a token\) reaches zap field "token" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}

// Webhook posts events to a receiver that checks a shared token.
type Webhook struct {
	URL   string
	Token string `json:"-"`
}

func (h Webhook) Describe(log *zap.Logger) {
	log.Info("webhook configured", zap.String("url", h.URL))
	log.Debug("webhook token", zap.String("token", h.Token)) // want `^h\.Token \(a token\) reaches zap field "token" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}
