// Package authmw is an authentication middleware: Authorization headers,
// bearer tokens, cookies, basic auth and JWT claims, logged with otelzap
// and recorded on spans from closures. (otelzap v0.3.2 does not build
// against the otel/log of the testdata module, so zap stands in for it.)
package authmw

import (
	"context"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Claims are the verified claims of a JWT.
type Claims map[string]any

// Verifier checks bearer tokens.
type Verifier interface {
	Verify(ctx context.Context, raw string) (Claims, error)
}

// Middleware authenticates requests.
type Middleware struct {
	log      *zap.Logger
	tracer   trace.Tracer
	verifier Verifier
}

// Wrap returns next behind authentication.
func (m *Middleware) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := m.tracer.Start(r.Context(), "auth.Authenticate")
		defer span.End()
		log := m.log.With(zap.String("trace_id", span.SpanContext().TraceID().String()))

		auth := r.Header.Get("Authorization")
		token := strings.TrimPrefix(auth, "Bearer ")
		requestID := r.Header.Get("X-Request-Id")

		// Leaks.
		log.Debug("authenticating", zap.String("authorization", auth))             // want `^auth \(built from r\.Header\.Get\("Authorization"\), an Authorization header\) reaches zap field "authorization" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		span.SetAttributes(attribute.String("auth.token", token))                  // want `^token \(a token\) reaches span attribute "auth\.token" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		span.SetAttributes(attribute.String("api_key", r.Header.Get("X-Api-Key"))) // want `^r\.Header\.Get\("X-Api-Key"\) \(an API key\) reaches span attribute "api_key" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		log.Info("request headers", zap.Any("headers", r.Header))                  // want `^r\.Header \(every request header, Authorization and Cookie included\) reaches zap field "headers"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`

		// Clean twins.
		log.Debug("authenticating", zap.Bool("has_authorization", auth != ""))
		span.SetAttributes(attribute.String("auth.token_prefix", token[:min(8, len(token))]))
		span.SetAttributes(attribute.String("request.id", requestID))
		log.Info("request headers", zap.String("user_agent", r.Header.Get("User-Agent")), zap.Strings("accept", r.Header.Values("Accept")))

		claims, err := m.verifier.Verify(ctx, token)
		if err != nil {
			log.Warn("token rejected", zap.Error(err))
			span.RecordError(err)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		log.Info("authenticated", zap.Any("email", claims["email"])) // want `^claims\["email"\] \(an email address\) reaches zap field "email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		log.Info("authenticated", zap.Any("subject", claims["sub"]))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Session logs the session cookie and basic-auth credentials.
func (m *Middleware) Session(w http.ResponseWriter, r *http.Request) {
	_, span := m.tracer.Start(r.Context(), "auth.Session")
	defer span.End()
	sugar := m.log.Sugar()

	c, err := r.Cookie("session")
	if err == nil {
		sugar.Infof("session cookie %s", c.Value) // want `^c\.Value \(a cookie\) reaches the log message of sugar\.Infof in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		sugar.Infof("session cookie present (%d bytes)", len(c.Value))
	}
	user, pass, ok := r.BasicAuth()
	if ok {
		sugar.Infow("basic auth", "user", user, "secret", pass) // want `^pass \(built from r\.BasicAuth\(\), a password\) reaches zap field "secret" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		sugar.Infow("basic auth", "user", user)
	}
	l := sugar.With("cookie", r.Header.Get("Cookie")) // want `^r\.Header\.Get\("Cookie"\) \(a cookie\) reaches zap field "cookie" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	l.Info("session checked")
	sugar.With("path", r.URL.Path).Info("session checked")
}

type upstreamKey struct{}

// upstreamAuth returns the credential sent to the upstream service.
func upstreamAuth(ctx context.Context) string {
	s, _ := ctx.Value(upstreamKey{}).(string)
	return s
}

// Forward forwards the request upstream.
func (m *Middleware) Forward(ctx context.Context, span trace.Span) {
	v := upstreamAuth(ctx)
	// A key naming personal data with a value of unknown origin.
	span.SetAttributes(attribute.String("http.request.header.authorization", v)) // want `^span attribute "http\.request\.header\.authorization" names an Authorization header but its value v is not masked or hashed; pass it through a redaction helper \(hash, mask\) or drop it \(pii/sensitive-key\)$`
	span.SetAttributes(attribute.Bool("http.request.header.authorization", v != ""))
	span.SetAttributes(attribute.String("http.request.header.authorization_hash", v))
}

// audit logs a credential of any string type (generics).
func audit[S ~string](log *zap.Logger, password S, realm S) {
	log.Info("audit", zap.String("password", string(password))) // want `^string\(password\) \(built from password, a password\) reaches zap field "password" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.Info("audit", zap.String("realm", string(realm)))
}

var _ = audit[string]
