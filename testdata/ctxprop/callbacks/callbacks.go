// Package callbacks hands callbacks to a transport and a worker pool. A
// callback's own context.Context parameter — passed by whoever calls it —
// is the context at hand inside it, not the context of the function that
// registers it. When the callback leaves it unnamed or blank (_), its
// author set it aside: nothing is reported, and above all the outer
// function's context is not offered in its place.
package callbacks

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"time"
)

type Pool interface {
	Submit(job func(context.Context) error)
}

type Client struct {
	http *http.Client
	db   *sql.DB
	pool Pool
}

// New builds a transport whose dialer sets the dial's context aside; ctx
// is New's, not the dial's, and is not the one to pass.
func New(ctx context.Context, addr string) *Client {
	tr := &http.Transport{
		DialContext: func(context.Context, string, string) (net.Conn, error) {
			return net.Dial("tcp", addr)
		},
	}
	return &Client{http: &http.Client{Transport: tr}}
}

// NewOK passes the dial's context on.
func NewOK(ctx context.Context, addr string) *Client {
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
	return &Client{http: &http.Client{Transport: tr}}
}

// Enqueue submits a job that leaves the pool's context unnamed.
func (c *Client) Enqueue(ctx context.Context, id string) {
	c.pool.Submit(func(context.Context) error {
		_, err := c.db.ExecContext(context.Background(), "DELETE FROM jobs WHERE id = $1", id)
		return err
	})
}

// Sweep submits a job that sets the pool's context aside with _.
func (c *Client) Sweep(ctx context.Context) {
	c.pool.Submit(func(_ context.Context) error {
		sctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := c.db.ExecContext(sctx, "DELETE FROM jobs WHERE done")
		return err
	})
}

// Retry names the pool's context and still starts over: reported, with
// the callback's own context.
func (c *Client) Retry(ctx context.Context, id string) {
	c.pool.Submit(func(jctx context.Context) error {
		_, err := c.db.ExecContext(context.Background(), "UPDATE jobs SET tries = tries + 1 WHERE id = $1", id) // want `use jctx \(parameter of the enclosing function literal\) instead of context\.Background\(\) \(ctxprop/background\)`
		return err
	})
}
