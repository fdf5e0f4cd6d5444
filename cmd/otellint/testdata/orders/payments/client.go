// Package payments calls the payment provider. It is a fixture of the
// otellint command's integration tests.
package payments

import (
	"context"
	"net/http"
)

// Client talks to the provider.
type Client struct{ base string }

// Refund asks for a refund; the request does not carry ctx.
func (c *Client) Refund(ctx context.Context, id string) error {
	req, err := http.NewRequest(http.MethodPost, c.base+"/refunds/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
