// Package nilerr is a query proxy whose backend answers errors with the
// request it rejected in the body, so an error built from that body carries
// it whole. An err that a guard has proven nil carries nothing, however it
// was built: the guard returns unless it is nil, and nothing assigns it
// again before the log call.
package nilerr

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"

	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Proxy forwards trace searches to the backend.
type Proxy struct {
	client  *http.Client
	backend string
	logger  *zap.Logger
	tracer  trace.Tracer
}

type result struct {
	id  string
	err error
}

// searchIDs asks the backend for matching trace ids; on failure the error
// carries the backend's whole answer.
func (p *Proxy) searchIDs(ctx context.Context, query string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.backend+"/search?q="+query, nil)
	if err != nil {
		return nil, err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		return nil, fmt.Errorf("backend: %s", body)
	}
	return nil, nil
}

// Search fetches every trace of a query. The failures of single fetches
// are logged with the err of the search, which the guard has proven nil.
func (p *Proxy) Search(ctx context.Context, query string) error {
	ctx, span := p.tracer.Start(ctx, "proxy.Search")
	defer span.End()

	ids, err := p.searchIDs(ctx, query)
	if err != nil {
		return err
	}
	for _, r := range p.fetchAll(ctx, ids) {
		if r.err != nil {
			p.logger.Info("trace fetch failed", zap.Error(err), zap.String("trace_id", r.id))
			span.RecordError(err)
		}
	}
	return nil
}

// Explain logs the failed search itself: that err carries the body.
func (p *Proxy) Explain(ctx context.Context, query string) {
	_, err := p.searchIDs(ctx, query)
	if err != nil {
		p.logger.Warn("search failed", zap.Error(err)) // want `^err \(built from io\.ReadAll\(resp\.Body\) in searchIDs, the whole response body\) reaches the zap error field; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
		return
	}
	p.logger.Info("search explained", zap.Error(err))
}

// Retry searches twice: the second err is assigned after the guard and
// may carry the body.
func (p *Proxy) Retry(ctx context.Context, query string) {
	_, err := p.searchIDs(ctx, query)
	if err != nil {
		log.Fatalf("first search: %v", err) // want `^err \(built from io\.ReadAll\(resp\.Body\) in searchIDs, the whole response body\) reaches the log message of log\.Fatalf; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	}
	p.logger.Debug("first search done", zap.Error(err))
	_, err = p.searchIDs(ctx, query+" limit 1")
	p.logger.Debug("second search done", zap.Error(err)) // want `^err \(built from io\.ReadAll\(resp\.Body\) in searchIDs, the whole response body\) reaches the zap error field; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
}

// Stream guards with a condition that lets a non-nil err through.
func (p *Proxy) Stream(ctx context.Context, query string) {
	_, err := p.searchIDs(ctx, query)
	if err != nil && ctx.Err() == nil {
		return
	}
	p.logger.Info("stream cancelled", zap.Error(err)) // want `^err \(built from io\.ReadAll\(resp\.Body\) in searchIDs, the whole response body\) reaches the zap error field`
}

func (p *Proxy) fetchAll(ctx context.Context, ids []string) []result {
	out := make([]result, 0, len(ids))
	for _, id := range ids {
		out = append(out, result{id: id})
	}
	return out
}
