// Package ingest forwards telemetry to a hosted back end. Its ingestion key
// and DSN are credentials: copied into a span attribute on every request,
// they reach everyone who can read the traces. The endpoint's host and a
// redacted URL are not secrets.
package ingest

import (
	"net/http"
	"net/url"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Config is read from the environment at start-up.
type Config struct {
	Endpoint     *url.URL
	IngestionKey string
	SentryDSN    string
}

// Forwarder relays batches.
type Forwarder struct {
	cfg    Config
	client *http.Client
}

// ServeHTTP relays one batch.
func (f *Forwarder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	span.SetAttributes(
		attribute.String("ingest.endpoint", f.cfg.Endpoint.Host),
		attribute.String("ingest.url", f.cfg.Endpoint.Redacted()),
		attribute.String("ingest.key", f.cfg.IngestionKey),  // want `^f\.cfg\.IngestionKey \(a secret\) reaches span attribute "ingest\.key" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
		attribute.String("error.reporter", f.cfg.SentryDSN), // want `^f\.cfg\.SentryDSN \(a connection string \(it embeds credentials\)\) reaches span attribute "error\.reporter" in the clear; mask or hash it, or drop it \(pii/named-value\)$`
	)
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, f.cfg.Endpoint.String(), r.Body)
	if err != nil {
		http.Error(w, "bad batch", http.StatusBadRequest)
		return
	}
	req.Header.Set("X-Ingestion-Key", f.cfg.IngestionKey)
	resp, err := f.client.Do(req)
	if err != nil {
		span.RecordError(err)
		http.Error(w, "back end unreachable", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
