package httpclient

import (
	"context"
	"io"
	"net/http"

	"golang.org/x/net/context/ctxhttp"
)

// Scraper fetches a target's profile on every scrape. It builds the
// request once and keeps it; each scrape sends it with its own context.
type Scraper struct {
	url    string
	client *http.Client
	req    *http.Request
}

func (s *Scraper) Scrape(ctx context.Context, w io.Writer) error {
	if s.req == nil {
		req, err := http.NewRequest(http.MethodGet, s.url, nil)
		if err != nil {
			return err
		}
		req.Header.Set("User-Agent", "scraper/1")
		s.req = req
	}
	resp, err := ctxhttp.Do(ctx, s.client, s.req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}

// Prober keeps its request too, but sends it without any context.
type Prober struct {
	url    string
	client *http.Client
	req    *http.Request
}

func (p *Prober) Probe(ctx context.Context) (int, error) {
	if p.req == nil {
		req, err := http.NewRequest(http.MethodHead, p.url, nil) // want `^http\.NewRequest cannot carry ctx \(parameter of Probe\); call http\.NewRequestWithContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)$`
		if err != nil {
			return 0, err
		}
		p.req = req
	}
	resp, err := p.client.Do(p.req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
