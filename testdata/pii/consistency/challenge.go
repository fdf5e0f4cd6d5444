package consistency

import (
	"net/http"
	"strings"
	"sync"

	"github.com/rs/zerolog/log"
)

// Challenges answers ACME HTTP-01 challenges: the CA fetches
// /.well-known/acme-challenge/<token> over plain HTTP, so the token is
// public by design.
type Challenges struct {
	mu   sync.RWMutex
	keys map[string]map[string][]byte // token, then domain
}

func (c *Challenges) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimPrefix(r.URL.Path, "/.well-known/acme-challenge/")
	if key := c.keyAuth(r, token, r.Host); key != nil {
		_, _ = w.Write(key)
		return
	}
	http.NotFound(w, r)
}

func (c *Challenges) keyAuth(r *http.Request, token, domain string) []byte {
	logger := log.Ctx(r.Context())
	logger.Debug().Msgf("looking up the challenge for %s (token %q)", domain, token)
	c.mu.RLock()
	defer c.mu.RUnlock()
	byDomain, ok := c.keys[token]
	if !ok {
		logger.Error().Msgf("no challenge for %s (token %q)", domain, token)
		return nil
	}
	return byDomain[domain]
}
