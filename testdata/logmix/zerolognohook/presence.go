// Package zerolognohook is a presence service whose zerolog logger has no
// hook anywhere in reach: an event's context is read by nobody, so adding
// .Ctx(ctx) would attach no trace, and nothing is reported.
package zerolognohook

import (
	"context"
	"net/http"
	"os"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

// Presence tracks who is online.
type Presence struct {
	logger zerolog.Logger
}

// New builds the service with a console logger.
func New() *Presence {
	return &Presence{logger: zerolog.New(os.Stderr).With().Timestamp().Logger()}
}

// Join marks a user online.
func (p *Presence) Join(ctx context.Context, user string) {
	p.logger.Info().Str("user", user).Msg("joined")
	log.Debug().Str("user", user).Msg("presence updated")
}

// Handle serves the presence endpoint.
func (p *Presence) Handle(w http.ResponseWriter, r *http.Request) {
	p.logger.Warn().Str("path", r.URL.Path).Msg("presence request")
	w.WriteHeader(http.StatusNoContent)
}
