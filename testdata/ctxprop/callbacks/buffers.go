package callbacks

import (
	"context"
	"sync"
	"time"
)

// Message is published to a queue.
type Message struct {
	Key  string
	Body []byte
}

type Queue interface {
	Send(ctx context.Context, m *Message) error
}

// pubBuffer batches messages of one key and publishes them with pub, from
// its own goroutine, for every caller that adds to it.
type pubBuffer struct {
	ctx context.Context
	pub func(*Message) error
	in  chan *Message
}

func newPubBuffer(ctx context.Context, pub func(*Message) error) *pubBuffer {
	b := &pubBuffer{ctx: ctx, pub: pub, in: make(chan *Message, 64)}
	go b.loop()
	return b
}

func (b *pubBuffer) loop() {
	for {
		select {
		case <-b.ctx.Done():
			return
		case m := <-b.in:
			_ = b.pub(m)
		}
	}
}

// Publisher keeps one buffer per key; the first caller for a key creates it.
type Publisher struct {
	ctx     context.Context
	q       Queue
	buffers sync.Map
}

// Publish hands the message to the key's buffer. The buffer's flush runs
// later, for every caller of that key: it gets a timeout of its own.
func (p *Publisher) Publish(ctx context.Context, m *Message) error {
	buf, ok := p.buffers.Load(m.Key)
	if !ok {
		buf, _ = p.buffers.LoadOrStore(m.Key, newPubBuffer(p.ctx, func(msg *Message) error {
			sendCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return p.q.Send(sendCtx, msg)
		}))
	}
	select {
	case buf.(*pubBuffer).in <- m:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// debouncer runs one trailing flush per key after a quiet period.
type debouncer struct {
	mu     sync.Mutex
	timers map[string]*time.Timer
}

func (d *debouncer) scheduleFlush(key string, flush func(string)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timers[key] != nil {
		return
	}
	d.timers[key] = time.AfterFunc(time.Second, func() {
		d.mu.Lock()
		delete(d.timers, key)
		d.mu.Unlock()
		flush(key)
	})
}

// withRetry calls op up to three times, before it returns.
func withRetry(op func() error) error {
	var err error
	for range 3 {
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// Touch records activity now and leaves a trailing flush for the key.
func (p *Publisher) Touch(ctx context.Context, d *debouncer, key string) error {
	d.scheduleFlush(key, func(k string) {
		flushCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = p.q.Send(flushCtx, &Message{Key: k})
	})
	return withRetry(func() error {
		return p.q.Send(context.Background(), &Message{Key: key}) // want `use ctx \(parameter of Touch\) instead of context\.Background\(\)`
	})
}
