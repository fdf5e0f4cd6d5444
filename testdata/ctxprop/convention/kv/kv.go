// Package kv is a key-value client in the style of many third-party SDKs:
// every call has a context-less form and a ...Context form.
package kv

import (
	"context"
	"time"
)

type Client struct{ addr string }

func Dial(addr string) (*Client, error) { return &Client{addr: addr}, nil }

// DialContext is the context-taking twin of Dial.
func DialContext(ctx context.Context, addr string) (*Client, error) { return Dial(addr) }

func (c *Client) Get(key string) ([]byte, error) { return c.GetContext(context.Background(), key) }

func (c *Client) GetContext(ctx context.Context, key string) ([]byte, error) { return nil, ctx.Err() }

func (c *Client) Set(key string, v []byte, ttl time.Duration) error {
	return c.SetContext(context.Background(), key, v, ttl)
}

func (c *Client) SetContext(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	return ctx.Err()
}

// MGet's twin takes the keys as a slice: not the same parameters.
func (c *Client) MGet(keys ...string) ([][]byte, error) { return nil, nil }

func (c *Client) MGetContext(ctx context.Context, keys []string) ([][]byte, error) { return nil, nil }

// Del's twin returns a count as well: not the same results.
func (c *Client) Del(key string) error { return nil }

func (c *Client) DelContext(ctx context.Context, key string) (int, error) { return 0, nil }

// Keys' twin has the context last: not the convention.
func (c *Client) Keys(prefix string) []string { return nil }

func (c *Client) KeysContext(prefix string, ctx context.Context) []string { return nil }

// Close has no twin.
func (c *Client) Close() error { return nil }

// Flush's twin is unexported: callers outside the package cannot use it.
func (c *Client) Flush() error { return c.flushContext(context.Background()) }

func (c *Client) flushContext(ctx context.Context) error { return nil }

// Scan's variadic twin matches.
func (c *Client) Scan(pattern string, opts ...string) []string { return nil }

func (c *Client) ScanContext(ctx context.Context, pattern string, opts ...string) []string {
	return nil
}

// Store is the interface services depend on.
type Store interface {
	Load(key string) ([]byte, error)
	LoadContext(ctx context.Context, key string) ([]byte, error)
}

// Pool embeds a client: promoted methods keep their twins.
type Pool struct {
	*Client
	size int
}
