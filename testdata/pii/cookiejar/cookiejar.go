// Package cookiejar writes session cookies the way net/http does: the
// cookie value passes through a sanitizer that logs the single invalid byte
// it drops. A byte, rune or number taken out of a secret is a number, not
// the secret: only identifiers that are numbers by nature (card number,
// CVV, SSN, phone) stay personal data as integers. "Sanitize" is not
// redaction: a sanitized token is still the token.
package cookiejar

import (
	"context"
	"log"
	"log/slog"
	"net/http"
	"strings"
	"unicode/utf8"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// SetSession writes the session cookie header.
func SetSession(w http.ResponseWriter, c *http.Cookie) {
	var b strings.Builder
	b.WriteString(c.Name)
	b.WriteRune('=')
	b.WriteString(sanitizeCookieValue(c.Value, c.Quoted)) // only the offending byte is logged
	w.Header().Add("Set-Cookie", b.String())
}

func sanitizeCookieValue(v string, quoted bool) string {
	v = sanitizeOrWarn("Cookie.Value", validCookieValueByte, v)
	if strings.ContainsAny(v, " ,") || quoted {
		return `"` + v + `"`
	}
	return v
}

func validCookieValueByte(b byte) bool {
	return 0x20 <= b && b < 0x7f && b != '"' && b != ';' && b != '\\'
}

func sanitizeOrWarn(fieldName string, valid func(byte) bool, v string) string {
	ok := true
	for i := 0; i < len(v); i++ {
		if valid(v[i]) {
			continue
		}
		log.Printf("net/http: invalid byte %q in %s; dropping invalid bytes", v[i], fieldName)
		ok = false
		break
	}
	if ok {
		return v
	}
	buf := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if b := v[i]; valid(b) {
			buf = append(buf, b)
		}
	}
	return string(buf)
}

// checkToken reports the first character of a token that is not base64url:
// a rune of a token is no token.
func checkToken(log *zap.Logger, token string) bool {
	for i, r := range token {
		if !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", r) {
			log.Warn("token has an invalid character", zap.Int32("char", r), zap.Int("offset", i))
			return false
		}
	}
	return true
}

// bucket spreads users over shards by a homemade hash of their e-mail
// address: the number says nothing of the address.
func bucket(email string) int {
	h := 0
	for i := 0; i < len(email); i++ {
		h = h*31 + int(email[i])
	}
	return h
}

// stripControl copies a string byte by byte, dropping control characters:
// what it returns is still the value.
func stripControl(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x20 {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Route records the shard a user's requests go to.
func Route(ctx context.Context, email string, cookie *http.Cookie) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.Int("user.shard", bucket(email)))
	span.SetAttributes(attribute.Int("session.cookie_first_byte", int(cookie.Value[0])))
	slog.InfoContext(ctx, "routed", "email_valid", strings.Contains(email, "@"), "email_runes", utf8.RuneCountInString(email))
	checkToken(zap.L(), cookie.Value)

	// Still reported: the whole value, sanitized (sanitizing drops invalid
	// characters and keeps the secret).
	slog.InfoContext(ctx, "session", "cookie", sanitizeCookieValue(cookie.Value, false)) // want `^sanitizeCookieValue\(cookie\.Value, false\) \(a cookie\) reaches slog field "cookie" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	logByte(email)
}

// Login logs a login attempt.
func Login(ctx context.Context, user, password string) {
	slog.InfoContext(ctx, "login", "user", sanitizeInput(user), "password", sanitizeInput(password)) // want `^sanitizeInput\(password\) \(built from password via sanitizeInput, a password\) reaches slog field "password" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	slog.InfoContext(ctx, "login", "secret", stripControl(password))                                 // want `^stripControl\(password\) \(built from password via stripControl, a password\) reaches slog field "secret" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}

// sanitizeInput trims and drops line breaks (log injection).
func sanitizeInput(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), "\n", ""), "\r", "")
}

// logByte logs one byte of its argument, but its parameter is named for an
// e-mail address: the byte is no address.
func logByte(email string) {
	if email != "" {
		log.Printf("first byte %d", email[0])
	}
}

// Card is a payment card: its number and CVV are numbers by nature and
// stay personal data as integers.
type Card struct {
	Number []int
	CVV    int
}

// Charge records the card on the span.
func Charge(ctx context.Context, c Card) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.Int("card.cvv", c.CVV))         // want `^c\.CVV \(a card security code\) reaches span attribute "card\.cvv" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	span.SetAttributes(attribute.IntSlice("card.pan", c.Number)) // want `^c\.Number \(a card number\) reaches span attribute "card\.pan" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
}
