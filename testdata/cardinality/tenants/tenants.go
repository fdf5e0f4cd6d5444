// Package tenants is the ingest path of a multi-tenant back end: every
// request carries its tenant (the org id of the X-Scope-OrgID header),
// which the code calls the "user". A tenant id is bounded by the number of
// tenants, and per-tenant series are deleted when a tenant goes away, so
// per-user labels here are the point, not a mistake.
package tenants

import (
	"context"
	"net/http"

	"github.com/grafana/dskit/tenant"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	bytesReceived = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "ingest_received_bytes_total",
		Help: "Bytes received per tenant.",
	}, []string{"tenant"})
	discarded = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "ingest_discarded_samples_total",
		Help: "Samples discarded per reason and user.",
	}, []string{"reason", "user"})
	tablesProcessed = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "retention_tables_processed_total",
		Help: "Tables processed per user; the empty user is the shared index.",
	}, []string{"table", "user_id"}) // ok: the user is the tenant
	sessions = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "ingest_sessions_total",
	}, []string{"session"})
)

// Push is the ingest handler.
func Push(w http.ResponseWriter, r *http.Request) {
	userID, err := tenant.TenantID(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	bytesReceived.WithLabelValues(userID).Add(float64(r.ContentLength)) // ok: a tenant id
	if err := validate(r.Context(), userID); err != nil {
		discarded.WithLabelValues("invalid", userID).Inc() // ok: a tenant id
	}
	sessionID := r.Header.Get("X-Session")
	sessions.WithLabelValues(sessionID).Inc() // want `^label "session" of ingest_sessions_total gets sessionID \(named like a session id\): .* \(cardinality/value\)$`
}

// validationContext is what a validator knows about the request.
type validationContext struct {
	userID string
}

func validate(ctx context.Context, userID string) error {
	vctx := validationContext{userID: userID}
	discarded.WithLabelValues("too_long", vctx.userID).Inc() // ok: a field holding the tenant
	return ctx.Err()
}

// deleteRequest is a tenant's request to delete its logs.
type deleteRequest struct {
	UserID string
	Table  string
}

func (d deleteRequest) processed() {
	tablesProcessed.WithLabelValues(d.Table, d.UserID).Inc() // ok: the tenant
}
