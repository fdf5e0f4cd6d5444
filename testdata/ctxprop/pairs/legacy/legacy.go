// Package legacy is an in-house client whose context-taking methods do not
// follow the FContext naming convention; -ctxprop.pairs teaches them.
package legacy

import "context"

type Client struct{}

func (c *Client) Fetch(id string) (string, error)                         { return id, nil }
func (c *Client) FetchCtx(ctx context.Context, id string) (string, error) { return id, nil }

type Options struct{ Retries int }

func (c *Client) Send(msg string) error                                            { return nil }
func (c *Client) SendWithContext(ctx context.Context, msg string, o Options) error { return nil }

func Publish(topic string) error                         { return nil }
func PublishCtx(ctx context.Context, topic string) error { return nil }
