// Package ring keeps this instance registered in a hash ring stored in a
// key-value store. Its lifecycler is a service: the service library runs
// its loop with the service's own lifetime context.
package ring

import (
	"context"
	"net"
	"time"

	"otellint.test/ctxprop/components/conn"
	"otellint.test/ctxprop/components/services"
)

// KV is the ring's store.
type KV interface {
	CAS(ctx context.Context, key string, f func(old []byte) ([]byte, error)) error
	Delete(ctx context.Context, key string) error
}

// Lifecycler registers the instance and keeps its entry fresh.
type Lifecycler struct {
	*services.BasicService
	kv     KV
	id     string
	joinCh chan struct{}
}

// NewLifecycler builds the lifecycler service.
func NewLifecycler(kv KV, id string) *Lifecycler {
	l := &Lifecycler{kv: kv, id: id, joinCh: make(chan struct{}, 1)}
	l.BasicService = services.NewBasicService(nil, l.loop, l.stopping)
	return l
}

// Join asks the loop to join the ring.
func (l *Lifecycler) Join() {
	select {
	case l.joinCh <- struct{}{}:
	default:
	}
}

// loop is the service's running function: ctx is the service's lifetime,
// and the ring writes must not fail because the service is stopping.
func (l *Lifecycler) loop(ctx context.Context) error {
	if err := l.register(context.Background()); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-l.joinCh:
			_ = l.changeState(context.Background(), "ACTIVE")
		}
	}
}

func (l *Lifecycler) stopping(_ error) error {
	return l.kv.Delete(context.Background(), l.id)
}

func (l *Lifecycler) register(ctx context.Context) error {
	return l.kv.CAS(ctx, l.id, func(old []byte) ([]byte, error) { return []byte("PENDING"), nil })
}

func (l *Lifecycler) changeState(ctx context.Context, state string) error {
	return l.kv.CAS(ctx, l.id, func(old []byte) ([]byte, error) { return []byte(state), nil })
}

// StartPusher pushes metrics to the local agent until ctx ends. The
// connection manager redials with dial whenever it needs to, long after
// StartPusher returned.
func StartPusher(ctx context.Context, network, address string, every time.Duration, payload func() []byte) {
	dial := func(network, address string) (net.Conn, error) {
		if network == "unix" {
			return net.Dial("unixgram", address)
		}
		return net.Dial(network, address)
	}
	m := conn.NewManager(dial, network, address)
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				_, _ = m.Write(payload())
			}
		}
	}()
}
