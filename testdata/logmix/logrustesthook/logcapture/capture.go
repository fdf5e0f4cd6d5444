// Package logcapture is test support: a logrus hook that keeps the entries
// a test logs, for assertions.
package logcapture

import (
	"sync"

	"github.com/sirupsen/logrus"
)

// Hook records every entry.
type Hook struct {
	mu      sync.Mutex
	Entries []*logrus.Entry
}

func (h *Hook) Levels() []logrus.Level { return logrus.AllLevels }

func (h *Hook) Fire(e *logrus.Entry) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.Entries = append(h.Entries, e)
	return nil
}

// Install adds a new Hook to the standard logger.
func Install() *Hook {
	h := &Hook{}
	logrus.AddHook(h)
	return h
}
