// Package k8ssecrets builds gateway middlewares from custom resources. A
// resource names the Kubernetes Secrets that hold its credentials and the
// provider fetches them by that name: its logs and errors say which secret
// is missing, never what it holds. What it reads out of a secret is still
// a secret.
package k8ssecrets

import (
	"fmt"
	"log/slog"
	"strings"
)

// Secret is a Kubernetes Secret as the client returns it.
type Secret struct {
	Name string
	Data map[string][]byte
}

// Client reads Secrets.
type Client interface {
	GetSecret(namespace, name string) (*Secret, bool, error)
}

// BasicAuth is a basic-auth middleware's spec: Secret names the Secret
// holding the users.
type BasicAuth struct {
	Secret string
	Realm  string
}

// ClientTLS is a backend's TLS spec: CASecret names the Secret with the CA.
type ClientTLS struct {
	CASecret           *string
	InsecureSkipVerify bool
}

// OAuth is an OAuth middleware's spec, with its client secret inline.
type OAuth struct {
	ClientID     string
	ClientSecret string
}

// Provider turns resources into middlewares.
type Provider struct {
	client Client
	logger *slog.Logger
}

func (p *Provider) basicAuthUsers(namespace string, spec BasicAuth) ([]string, error) {
	secret, ok, err := p.client.GetSecret(namespace, spec.Secret)
	if err != nil {
		return nil, fmt.Errorf("fetching secret %s/%s: %w", namespace, spec.Secret, err)
	}
	if !ok {
		return nil, fmt.Errorf("secret %s/%s not found", namespace, spec.Secret)
	}
	return strings.Split(string(secret.Data["users"]), "\n"), nil
}

// loadCA returns the CA certificate of the Secret named secretName.
func (p *Provider) loadCA(namespace, secretName string) (string, error) {
	secret, ok, err := p.client.GetSecret(namespace, secretName)
	if err != nil || !ok {
		return "", fmt.Errorf("secret %s/%s unavailable: %v", namespace, secretName, err)
	}
	return string(secret.Data["ca.crt"]), nil
}

// Build builds the middlewares of one resource.
func (p *Provider) Build(namespace string, auth BasicAuth, tls ClientTLS, oauth OAuth) {
	if _, err := p.basicAuthUsers(namespace, auth); err != nil {
		p.logger.Error("cannot build basic auth", "err", err)
	}
	if tls.CASecret != nil {
		if _, err := p.loadCA(namespace, *tls.CASecret); err != nil {
			p.logger.Error("cannot load the backend CA", "secret", *tls.CASecret, "err", err)
		}
	}
	p.logger.Debug("oauth client", "id", oauth.ClientID, "secret", oauth.ClientSecret) // want `^oauth\.ClientSecret \(a secret\) reaches slog field "secret" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}

// pluginValue reads the entry key of the Secret a plugin's configuration
// refers to as "namespace/name/key".
func (p *Provider) pluginValue(ref string) (string, error) {
	parts := strings.Split(ref, "/")
	if len(parts) != 3 {
		return "", fmt.Errorf("malformed secret reference %q", ref)
	}
	secret, ok, err := p.client.GetSecret(parts[0], parts[1])
	if err != nil || !ok {
		return "", fmt.Errorf("secret %s/%s unavailable: %v", parts[0], parts[1], err)
	}
	secretKey := parts[2]
	value, ok := secret.Data[secretKey]
	if !ok {
		return "", fmt.Errorf("key %q not found in secret %s/%s", secretKey, parts[0], parts[1])
	}
	return string(value), nil
}

// BuildPlugin configures a plugin from a secret reference.
func (p *Provider) BuildPlugin(ref string) {
	if _, err := p.pluginValue(ref); err != nil {
		p.logger.Error("cannot configure plugin", "err", err)
	}
}

// authFromAnnotation reads a "namespace/name" reference to the Secret
// with the users.
func (p *Provider) authFromAnnotation(namespace, authSecret string) error {
	parts := strings.Split(authSecret, "/")
	secretNamespace, secretName := namespace, parts[0]
	if len(parts) == 2 {
		secretNamespace, secretName = parts[0], parts[1]
	}
	secret, _, err := p.client.GetSecret(secretNamespace, secretName)
	if err != nil {
		p.logger.Warn("auth secret unavailable", "secret", authSecret, "err", err)
		return err
	}
	signingSecret := string(secret.Data["signing-key"])
	p.logger.Debug("loaded auth secret", "name", secret.Name, "signing", signingSecret) // want `^signingSecret \(a secret\) reaches slog field "signing" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	return nil
}
