package lint

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Checks is a flag.Value selecting which of a rule's checks run: a
// comma-separated list of check names, "all", or "all,-name" to switch one
// off. Every check is on by default.
type Checks struct {
	mu      sync.RWMutex
	known   []string
	enabled map[string]bool
	src     string
}

// NewChecks returns a Checks knowing the given check names, all enabled
// except those listed in off.
func NewChecks(known []string, off ...string) *Checks {
	c := &Checks{known: append([]string(nil), known...), enabled: map[string]bool{}}
	for _, k := range known {
		c.enabled[k] = true
	}
	for _, k := range off {
		c.enabled[k] = false
	}
	c.src = c.describe()
	return c
}

func (c *Checks) describe() string {
	var on []string
	for _, k := range c.known {
		if c.enabled[k] {
			on = append(on, k)
		}
	}
	return strings.Join(on, ",")
}

// String returns the enabled checks.
func (c *Checks) String() string {
	if c == nil {
		return ""
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.src
}

// Set parses a list such as "not-ended,discarded", "all" or "all,-recorderror".
func (c *Checks) Set(s string) error {
	enabled := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		on := true
		if strings.HasPrefix(part, "-") {
			on, part = false, part[1:]
		}
		if part == "all" {
			for _, k := range c.known {
				enabled[k] = on
			}
			continue
		}
		if !c.isKnown(part) {
			known := append([]string(nil), c.known...)
			sort.Strings(known)
			return fmt.Errorf("unknown check %q (known: %s)", part, strings.Join(known, ", "))
		}
		enabled[part] = on
	}
	c.mu.Lock()
	c.enabled = enabled
	c.src = c.describe()
	c.mu.Unlock()
	return nil
}

func (c *Checks) isKnown(name string) bool {
	for _, k := range c.known {
		if k == name {
			return true
		}
	}
	return false
}

// Enabled reports whether the named check is on.
func (c *Checks) Enabled(name string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.enabled[name]
}

// Known returns the check names.
func (c *Checks) Known() []string { return append([]string(nil), c.known...) }

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
