// Package logwrapper wraps zap the way services do: the personal data comes
// from the wrappers' callers, so that is where the rule reports it.
package logwrapper

import (
	"context"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Logger is the service's logger.
type Logger struct {
	s *zap.SugaredLogger
	z *zap.Logger
}

// Info logs msg with key/value pairs.
func (l *Logger) Info(msg string, kv ...any) { l.s.Infow(msg, kv...) }

// Infof logs a formatted message.
func (l *Logger) Infof(format string, args ...any) { l.s.Infof(format, args...) }

// Field logs one named value.
func (l *Logger) Field(name, value string) { l.z.Info("field", zap.String(name, value)) }

// Dump logs any value whole.
func (l *Logger) Dump(v any) { l.s.Infof("dump: %+v", v) }

// Audit logs an audit event through Info (a wrapper of a wrapper).
func (l *Logger) Audit(what string) { l.Info("audit", "what", strings.TrimSpace(what)) }

// Contact logs a masked phone number.
func (l *Logger) Contact(phone string) { l.Info("contact", "phone", maskPhone(phone)) }

// Email logs an email address: reported here, by its parameter's name.
func (l *Logger) Email(email string) {
	l.z.Info("email", zap.String("email", email)) // want `^email \(an email address\) reaches zap field "email" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}

// Tag puts a value on the span of ctx.
func Tag(ctx context.Context, key, value string) {
	trace.SpanFromContext(ctx).SetAttributes(attribute.String(key, value))
}

func maskPhone(p string) string {
	if len(p) < 4 {
		return "****"
	}
	return "****" + p[len(p)-4:]
}

// User is a user.
type User struct {
	ID     string
	Email  string
	Phone  string
	APIKey string
}

// Register logs a registration through the wrappers.
func Register(ctx context.Context, l *Logger, u User) {
	l.Info("registered", "user_id", u.ID, "email", u.Email) // want `^u\.Email \(an email address\) reaches zap field "email" through Info in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	l.Infof("registered %s (%s)", u.ID, u.Phone)            // want `^u\.Phone \(a phone number\) reaches the log message of l\.s\.Infof through Infof in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	l.Field("contact", u.Email)                             // want `^u\.Email \(an email address\) reaches zap field through Field in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	l.Dump(u)                                               // want `^u \(of type User\) reaches the log message of l\.s\.Infof through Dump whole and exposes field Email \(an email address\); log only the fields you need, or give User a String method that masks it \(pii/struct-dump\)$`
	l.Audit("registered " + u.Email)                        // want `^"registered " \+ u\.Email \(built from u\.Email, an email address\) reaches zap field "what" through Audit in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	Tag(ctx, "user.phone", u.Phone)                         // an identity on a span attribute
	Tag(ctx, "user.api_key", u.APIKey)                      // want `^u\.APIKey \(an API key\) reaches span attribute through Tag in the clear; mask or hash it, or drop it \(pii/named-value\)$`

	// Clean twins.
	l.Info("registered", "user_id", u.ID)
	l.Infof("registered %s", u.ID)
	l.Field("id", u.ID)
	l.Dump(u.ID)
	l.Audit("registered " + u.ID)
	l.Contact(u.Phone)
	l.Email(u.Email) // reported inside Email, not again here
	Tag(ctx, "user.id", u.ID)
}
