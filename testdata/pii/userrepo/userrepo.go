// Package userrepo is a user repository: a DSN at start-up, queries by
// email, zerolog fields, protobuf-style getters, errors wrapping PII and a
// query built with strings.Builder.
package userrepo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// ErrNotFound is returned when no user matches.
var ErrNotFound = errors.New("user not found")

// Config configures the repository.
type Config struct {
	DSN         string
	MaxConns    int
	DialTimeout time.Duration
}

// LookupRequest is a protobuf-style request with getters.
type LookupRequest struct {
	email    string
	tenantID string
}

// GetEmail returns the email to look up.
func (r *LookupRequest) GetEmail() string { return r.email }

// GetTenantId returns the tenant.
func (r *LookupRequest) GetTenantId() string { return r.tenantID }

// Repo stores users.
type Repo struct {
	db     *sql.DB
	log    zerolog.Logger
	tracer trace.Tracer
}

// Open connects to the database.
func Open(cfg Config, log zerolog.Logger) (*Repo, error) {
	log.Info().Str("dsn", cfg.DSN).Msg("connecting")               // want `^cfg\.DSN \(a connection string \(it embeds credentials\)\) reaches zerolog field "dsn" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.Info().Msgf("connecting to %s", os.Getenv("DATABASE_URL")) // want `^os\.Getenv\("DATABASE_URL"\) \(a connection string \(it embeds credentials\)\) reaches the log message of log\.Info\(\)\.Msgf in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	log.Info().Int("max_conns", cfg.MaxConns).Dur("dial_timeout", cfg.DialTimeout).Msg("connecting")
	log.Info().Str("db_host", os.Getenv("DB_HOST")).Msg("connecting")
	sub := log.With().Str("db_password", os.Getenv("DB_PASSWORD")).Logger() // want `^os\.Getenv\("DB_PASSWORD"\) \(a password\) reaches zerolog field "db_password" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	sub.Info().Msg("connected")
	db, err := sql.Open("postgres", cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return &Repo{db: db, log: log}, nil
}

// FindByEmail looks a user up by email.
func (r *Repo) FindByEmail(ctx context.Context, req *LookupRequest) (int64, error) {
	ctx, span := r.tracer.Start(ctx, "userrepo.FindByEmail")
	defer span.End()

	span.SetAttributes(attribute.String("user.email", req.GetEmail())) // the user the lookup is for, on its own span
	span.SetAttributes(attribute.String("tenant.id", req.GetTenantId()))

	var q strings.Builder
	q.WriteString("SELECT id FROM users WHERE email = '")
	q.WriteString(req.GetEmail())
	q.WriteString("'")
	r.log.Debug().Str("query", q.String()).Msg("querying") // want `^q\.String\(\) \(built from req\.GetEmail\(\), an email address\) reaches zerolog field "query" in the clear; mask or hash it, or drop it \(pii/named-value\)$`

	var safe strings.Builder
	safe.WriteString("SELECT id FROM users WHERE email = $1 AND tenant = ")
	safe.WriteString(req.GetTenantId())
	r.log.Debug().Str("query", safe.String()).Msg("querying")

	var id int64
	err := r.db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", req.GetEmail()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("find %s: %w", req.GetEmail(), ErrNotFound)
		span.RecordError(err)                      // span data, like the user.email attribute above
		span.SetStatus(codes.Error, err.Error())   // span data too
		r.log.Warn().Err(err).Msg("lookup failed") // want `^err \(built from req\.GetEmail\(\), an email address\) reaches the zerolog error field in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		return 0, err
	}
	if err != nil {
		wrapped := fmt.Errorf("find user of tenant %s: %w", req.GetTenantId(), err)
		span.RecordError(wrapped)
		span.SetStatus(codes.Error, wrapped.Error())
		r.log.Warn().Err(wrapped).Msg("lookup failed")
		return 0, wrapped
	}
	r.log.Info().Int64("user_id", id).Msg("found")
	return id, nil
}

// Rename changes a user's display name and logs the change.
func (r *Repo) Rename(ctx context.Context, id int64, oldEmail, newEmail string, updatedAt time.Time) {
	for _, e := range []string{oldEmail, newEmail} {
		r.log.Info().Str("address", e).Msg("notify") // want `^e \(built from oldEmail, an email address\) reaches zerolog field "address" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	}
	for _, f := range []string{"name", "updated_at"} {
		r.log.Info().Str("field", f).Msg("changed")
	}
	r.log.Info().Int64("user_id", id).Time("updated_at", updatedAt).Msg("renamed")
}

// User is a stored user.
type User struct {
	ID          int64
	Email       string
	PhoneNumber int64
	DOB         string
	DateOfBirth time.Time
	PhoneCount  int
	LoginCount  int
	Score       float64
	LastLogin   time.Time
	SessionTTL  time.Duration
}

// Audit records a user on the current span.
func (r *Repo) Audit(ctx context.Context, u User) {
	span := trace.SpanFromContext(ctx)

	// Numbers that identify a person are personal data whatever their type;
	// a phone number is an identity, which span attributes may carry (the
	// guide sends it there rather than to baggage), a date of birth is not.
	span.SetAttributes(attribute.Int64("user.phone", u.PhoneNumber))
	span.SetAttributes(attribute.String("user.birth_date", u.DOB)) // want `^u\.DOB \(a date of birth\) reaches span attribute "user\.birth_date" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	span.SetAttributes(attribute.Int64("user.mobile", u.ID))

	// Counts, scores, times and durations are not.
	span.SetAttributes(
		attribute.Int("user.phone_count", u.PhoneCount),
		attribute.Int64("user.id", u.ID),
		attribute.Float64("user.score", u.Score),
		attribute.Int("user.email", u.LoginCount),
		attribute.String("user.last_login", u.LastLogin.Format(time.RFC3339)),
		attribute.Int64("user.session_ttl_ms", u.SessionTTL.Milliseconds()),
	)
	r.log.Info().Time("dob", u.DateOfBirth).Time("last_login", u.LastLogin).Dur("session_ttl", u.SessionTTL).Msg("audit")
	r.log.Info().Int("phone_count", u.PhoneCount).Float64("score", u.Score).Msg("audit")
}
