// Package clean has nothing to report.
package clean

import (
	"context"
	"net/http"
)

// Get fetches url with ctx.
func Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
