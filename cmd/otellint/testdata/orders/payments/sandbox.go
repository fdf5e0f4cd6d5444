//go:build sandbox

package payments

import (
	"context"
	"net/http"
)

// Ping checks the sandbox provider; built only with -tags=sandbox.
func (c *Client) Ping(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, c.base+"/ping", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
