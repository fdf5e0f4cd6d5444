// Package fw is a fake web framework with the request-context shapes real
// ones use: a struct with a Context() method (fiber's UserContext, chi's
// helpers), an interface exposing the *http.Request (echo), a type that is a
// context.Context itself (gin), and one that hides its context.
package fw

import (
	"context"
	"net/http"
	"time"
)

// Ctx wraps a request and exposes its context.
type Ctx struct{ r *http.Request }

func (c *Ctx) Context() context.Context { return c.r.Context() }
func (c *Ctx) Param(name string) string { return c.r.URL.Query().Get(name) }

// Echo exposes the request.
type Echo interface {
	Request() *http.Request
	String(code int, s string) error
}

// Native is a context.Context.
type Native struct{ r *http.Request }

func (n *Native) Deadline() (time.Time, bool)      { return n.r.Context().Deadline() }
func (n *Native) Done() <-chan struct{}            { return n.r.Context().Done() }
func (n *Native) Err() error                       { return n.r.Context().Err() }
func (n *Native) Value(key any) any                { return n.r.Context().Value(key) }
func (n *Native) JSON(code int, v any)             {}
func (n *Native) Bind(v any) error                 { return nil }
func (n *Native) Header(key string) (string, bool) { return "", false }

// Opaque carries a context it does not expose.
type Opaque struct{ ctx context.Context }

func (o Opaque) Reply(s string) {}
