// Package emptyroots pushes aggregated samples from its own loop. Where
// the only context in reach is itself an empty root, a fresh root per
// iteration loses no trace and is not reported; where the loop runs under
// a caller's context it is.
package emptyroots

import (
	"context"
	"time"
)

type Sender interface {
	Send(ctx context.Context, payload []byte) error
}

type Backoff struct{ ctx context.Context }

func NewBackoff(ctx context.Context, max int) *Backoff { return &Backoff{ctx: ctx} }

type Push struct {
	s       Sender
	quit    chan struct{}
	entries chan []byte
}

// run owns an empty root: a backoff per payload from another empty root
// loses nothing.
func (p *Push) run() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for {
		select {
		case <-p.quit:
			return
		case e := <-p.entries:
			b := NewBackoff(context.Background(), 3)
			_ = b
			_ = p.s.Send(ctx, e)
		}
	}
}

// drain runs under the caller's context: a fresh root per payload is cut
// off from its trace.
func (p *Push) drain(ctx context.Context) {
	for e := range p.entries {
		sctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context\.Background\(\) starts a new root context on every iteration of this loop; derive it from ctx \(parameter of drain\): context\.WithTimeout\(ctx, \.\.\.\) \(ctxprop/loop\)`
		_ = p.s.Send(sctx, e)
		cancel()
	}
}
