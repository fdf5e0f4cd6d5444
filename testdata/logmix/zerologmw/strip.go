// Package zerologmw holds HTTP middlewares of a proxy that logs with
// zerolog. The proxy's entry middleware puts into each request's context a
// logger bound to that context; the middlewares take their logger from
// the request's context, so their events carry the request's trace. A
// logger the middleware holds itself does not.
package zerologmw

import (
	"context"
	"net/http"
	"strings"

	"github.com/rs/zerolog"
	"go.opentelemetry.io/otel/trace"
)

// traceHook adds the trace id of an event's context.
type traceHook struct{}

func (traceHook) Run(e *zerolog.Event, _ zerolog.Level, _ string) {
	if sc := trace.SpanContextFromContext(e.GetCtx()); sc.IsValid() {
		e.Str("trace_id", sc.TraceID().String())
	}
}

// GetLogger returns the request's logger, named for a middleware.
func GetLogger(ctx context.Context, middleware string) *zerolog.Logger {
	l := zerolog.Ctx(ctx).With().Str("middleware", middleware).Logger()
	return &l
}

// StripPrefix removes a prefix from request paths.
type StripPrefix struct {
	next   http.Handler
	prefix string
	name   string
	logger zerolog.Logger
}

func (s *StripPrefix) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	logger := GetLogger(r.Context(), s.name)
	if !strings.HasPrefix(r.URL.Path, s.prefix) {
		logger.Debug().Str("path", r.URL.Path).Msg("prefix not found")
		s.next.ServeHTTP(w, r)
		return
	}
	if strings.Contains(r.URL.Path, "//") {
		GetLogger(r.Context(), s.name).Debug().Msg("path has an empty segment")
		zerolog.Ctx(r.Context()).Debug().Str("path", r.URL.Path).Msg("collapsing slashes")
	}
	reqLogger := zerolog.Ctx(r.Context()).With().Str("prefix", s.prefix).Logger()
	reqLogger.Debug().Msg("stripping prefix")
	r.URL.Path = strings.TrimPrefix(r.URL.Path, s.prefix)
	if strings.Contains(r.URL.Path, "%") {
		GetLogger(context.Background(), s.name).Error().Str("path", r.URL.Path).Msg("escaped prefix") // want `^zerolog event logged without the context although r\.Context\(\) is in scope: add \.Ctx\(r\.Context\(\)\) to the event before Msg`
	}
	if r.URL.Path == "" {
		s.logger.Warn().Str("prefix", s.prefix).Msg("empty path after strip") // want `^zerolog event logged without the context although r\.Context\(\) is in scope: add \.Ctx\(r\.Context\(\)\) to the event before Msg so hooks can attach the trace \(logmix/missing-context\)$`
	}
	s.next.ServeHTTP(w, r)
}

// Redirect sends clients to another scheme.
type Redirect struct {
	scheme string
	logger zerolog.Logger
}

func (d *Redirect) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	logger := d.logger
	if r.TLS == nil {
		logger = *GetLogger(r.Context(), "redirect")
	}
	logger.Debug().Str("scheme", d.scheme).Msg("redirecting") // want `^zerolog event logged without the context although r\.Context\(\) is in scope: add \.Ctx\(r\.Context\(\)\) to the event before Msg`
	http.Redirect(w, r, d.scheme+"://"+r.Host+r.URL.RequestURI(), http.StatusFound)
}
