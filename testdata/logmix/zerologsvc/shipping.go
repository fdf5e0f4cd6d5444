// Package zerologsvc is a shipping service that logs with zerolog; events
// made inside a request should carry its context (Event.Ctx) so that hooks
// can attach the trace.
package zerologsvc

import (
	"context"
	"net/http"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
	"go.opentelemetry.io/otel/trace"
)

// Shipper ships parcels.
type Shipper struct {
	logger zerolog.Logger
}

// Ship ships a parcel.
func (s *Shipper) Ship(ctx context.Context, parcel string) {
	log.Info().Str("parcel", parcel).Msg("shipping") // want `^zerolog event logged without the context although ctx \(parameter of Ship\) is in scope: add \.Ctx\(ctx\) to the event before Msg so hooks can attach the trace \(logmix/missing-context\)$`
	s.logger.Warn().Msgf("delayed %s", parcel)       // want `^zerolog event logged without the context although ctx \(parameter of Ship\) is in scope: add \.Ctx\(ctx\) to the event before Msgf`
	log.Info().Ctx(ctx).Str("parcel", parcel).Msg("shipped")
	zerolog.Ctx(ctx).Debug().Msg("logger from the context")
	ev := s.logger.Info().Str("parcel", parcel)
	ev.Msg("event built elsewhere may already carry a context")
	s.logger.Print("zerolog's Print has no context form")
}

// Track handles an HTTP tracking request.
func (s *Shipper) Track(w http.ResponseWriter, r *http.Request) {
	s.logger.Error().Str("path", r.URL.Path).Send() // want `^zerolog event logged without the context although r\.Context\(\) is in scope: add \.Ctx\(r\.Context\(\)\) to the event before Send`
	w.WriteHeader(http.StatusOK)
}

// Label copies the trace id into an event field by hand.
func (s *Shipper) Label(ctx context.Context, parcel string) {
	tid := trace.SpanContextFromContext(ctx).TraceID().String()
	s.logger.Info().Ctx(ctx).Str("trace_id", tid).Msg("label printed") // want `^log field "trace_id" copies the trace id by hand: log with \.Ctx\(ctx\) through a trace-aware hook such as go\.opentelemetry\.io/contrib/bridges/otelzerolog`
	sub := s.logger.With().Str("trace_id", tid).Logger()               // want `^log field "trace_id" copies the trace id by hand`
	sub.Info().Ctx(ctx).Str("parcel", parcel).Msg("labelled")
}

// Start runs without a context.
func Start() *Shipper {
	log.Info().Msg("shipping starting")
	return &Shipper{logger: zerolog.Nop()}
}
