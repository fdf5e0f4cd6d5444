// Package httpclients calls downstream HTTP services.
package httpclients

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("httpclients")

// FetchQuote sends a traced request through http.DefaultClient.
func FetchQuote(ctx context.Context, url string) (*http.Response, error) {
	ctx, span := tracer.Start(ctx, "FetchQuote")
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `http.DefaultClient sends a request from a traced function without trace headers`
}

// FetchRates builds a client with a timeout but a plain transport.
func FetchRates(ctx context.Context, url string) (*http.Response, error) {
	ctx, span := tracer.Start(ctx, "FetchRates")
	defer span.End()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConns: 10}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req) // want `client client \(built here without an otelhttp transport\) sends a request`
}

// FetchInstrumented uses an otelhttp transport.
func FetchInstrumented(ctx context.Context, url string) (*http.Response, error) {
	ctx, span := tracer.Start(ctx, "FetchInstrumented")
	defer span.End()
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// Client holds a client from its constructor's caller.
type Client struct{ hc *http.Client }

// Fetch uses the injected client, which may be instrumented.
func (c *Client) Fetch(ctx context.Context, url string) (*http.Response, error) {
	ctx, span := tracer.Start(ctx, "Client.Fetch")
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// FetchUntraced starts no span: there is no trace to lose here.
func FetchUntraced(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// FetchGiven sends a request built by the caller.
func FetchGiven(ctx context.Context, req *http.Request) (*http.Response, error) {
	_, span := tracer.Start(ctx, "FetchGiven")
	defer span.End()
	return http.DefaultClient.Do(req)
}

// FetchWrapped gets its transport wrapped after building the client.
func FetchWrapped(ctx context.Context, url string) (*http.Response, error) {
	ctx, span := tracer.Start(ctx, "FetchWrapped")
	defer span.End()
	client := &http.Client{Timeout: time.Second}
	client.Transport = otelhttp.NewTransport(http.DefaultTransport)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}
