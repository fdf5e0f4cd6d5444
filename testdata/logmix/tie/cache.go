// Package tie is a cache that is half-way through a migration from log to
// slog: both are used equally, so slog wins the tie.
package tie

import (
	"log"
	"log/slog"
	"sync"
)

// Cache is an in-memory cache.
type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

// Get returns a cached value.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	if !ok {
		slog.Debug("cache miss", "key", key)
	}
	return v, ok
}

// Put stores a value.
func (c *Cache) Put(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
		log.Printf("cache initialised") // want `^package uses slog and log equally for logging \(2 calls each; slog wins the tie in the order slog, zap, zerolog, logrus, log: set -logmix\.logger to choose\); this log\.Printf call uses log: use slog \(logmix/mixed-libraries\)$`
	}
	c.m[key] = value
	slog.Info("cache put", "key", key)
}

// Flush empties the cache.
func (c *Cache) Flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	log.Println("cache flushed", len(c.m)) // want `this log\.Println call uses log: use slog \(logmix/mixed-libraries\)$`
	c.m = nil
}
