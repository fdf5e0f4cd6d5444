package k8ssecrets

import (
	"fmt"
	"log/slog"
	"strings"
)

// Resolver parameters: the name of the Secret holding the token, and the
// key of the token inside it.
const (
	paramAuthSecret    = "http-auth-secret"
	paramAuthSecretKey = "http-auth-secret-key"
)

// TracingConfig is read from a ConfigMap: CredentialsSecret names the
// Secret with the exporter's credentials.
type TracingConfig struct {
	Endpoint          string
	CredentialsSecret string
}

// Resolver fetches remote resources with credentials from a Secret.
type Resolver struct {
	client  Client
	logger  *slog.Logger
	tracing TracingConfig
}

func (r *Resolver) authToken(namespace string, params map[string]string) (string, error) {
	secretName := params[paramAuthSecret]
	key := params[paramAuthSecretKey]
	secret, ok, err := r.client.GetSecret(namespace, secretName)
	if err != nil || !ok {
		notFound := fmt.Errorf("cannot get the token: secret %s not found in namespace %s", secretName, namespace)
		r.logger.Info(notFound.Error())
		return "", notFound
	}
	token, ok := secret.Data[key]
	if !ok {
		return "", fmt.Errorf("key %s not found in secret %s", key, secretName)
	}
	r.logger.Debug("resolved token", "token", string(token)) // want `^string\(token\) \(built from secret\.Data\[key\], an entry of a secret's data\) reaches slog field "token" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	return string(token), nil
}

// Reload applies a new tracing configuration and fetches its credentials.
func (r *Resolver) Reload(namespace string, cfg TracingConfig) {
	if cfg == r.tracing {
		r.logger.Info("tracing config unchanged", "config", cfg)
		return
	}
	r.tracing = cfg
	if cfg.CredentialsSecret != "" {
		if _, _, err := r.client.GetSecret(namespace, cfg.CredentialsSecret); err != nil {
			r.logger.Error("cannot read tracing credentials", "error", err)
		}
	}
}

// Vault reads secrets with the caller's own token.
type Vault interface {
	GetSecret(token, path string) (string, error)
}

// fromVault passes the caller's token to the fetch to authenticate it: the
// token is still a credential, not the name of a secret.
func (r *Resolver) fromVault(v Vault, authorization string) (string, error) {
	token := strings.TrimPrefix(authorization, "Bearer ")
	r.logger.Debug("reading from vault", "token", token) // want `^token \(a token\) reaches slog field "token" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	return v.GetSecret(token, "db/credentials")
}
