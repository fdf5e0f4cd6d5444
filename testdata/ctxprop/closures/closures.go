// Package closures passes callbacks around. A closure sees the context of
// the function it is written in.
package closures

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel/metric"
)

type Cache struct {
	once  sync.Once
	load  func(context.Context, string) (string, error)
	items map[string]string
}

func retry(n int, f func() error) error {
	var err error
	for i := 0; i < n; i++ {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// Get retries a closure that captures ctx but does not use it.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	var v string
	err := retry(3, func() error {
		var err error
		v, err = c.load(context.Background(), key) // want `use ctx \(parameter of Get\) instead of context\.Background\(\) \(ctxprop/background\)`
		return err
	})
	return v, err
}

// GetOK is the clean twin.
func (c *Cache) GetOK(ctx context.Context, key string) (string, error) {
	var v string
	err := retry(3, func() error {
		var err error
		v, err = c.load(ctx, key)
		return err
	})
	return v, err
}

// Nested closures still reach the outer context.
func (c *Cache) Nested(ctx context.Context, keys []string) {
	each := func(f func(string)) {
		for _, k := range keys {
			f(k)
		}
	}
	each(func(k string) {
		func() {
			_, _ = c.load(context.TODO(), k) // want `use ctx \(parameter of Nested\) instead of context\.TODO\(\) \(ctxprop/background\)`
		}()
	})
}

// Callback declares its own context parameter: the inner one wins.
func (c *Cache) Callback(ctx context.Context, each func(func(context.Context, string))) {
	each(func(inner context.Context, k string) {
		_, _ = c.load(context.Background(), k) // want `use inner \(parameter of the enclosing function literal\) instead of context\.Background\(\) \(ctxprop/background\)`
	})
}

// Warm runs one-time shared initialisation: one caller's context must not
// govern it.
func (c *Cache) Warm(ctx context.Context) {
	c.once.Do(func() {
		v, _ := c.load(context.Background(), "warm")
		c.items = map[string]string{"warm": v}
	})
	_ = sync.OnceValue(func() string {
		v, _ := c.load(context.Background(), "warm2")
		return v
	})
}

// Observe registers a metric callback; the callback gets its own context.
func Observe(ctx context.Context, m metric.Meter, c *Cache) error {
	g, err := m.Int64ObservableGauge("cache.items")
	if err != nil {
		return err
	}
	_, err = m.RegisterCallback(func(cbCtx context.Context, o metric.Observer) error {
		o.ObserveInt64(g, int64(len(c.items)))
		_, _ = c.load(cbCtx, "probe")
		return nil
	}, g)
	return err
}

// Literal at package level: a function literal's own context parameter.
var Loader = func(ctx context.Context, c *Cache) {
	_, _ = c.load(context.Background(), "k") // want `use ctx \(parameter of the enclosing function literal\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// LoaderOK is the clean twin.
var LoaderOK = func(ctx context.Context, c *Cache) {
	_, _ = c.load(ctx, "k")
}

// Method value and expression calls are still calls.
func (c *Cache) Deferred(ctx context.Context) func() {
	return func() {
		_, _ = c.load(context.Background(), "later") // want `use ctx \(parameter of Deferred\) instead of context\.Background\(\) \(ctxprop/background\)`
	}
}
