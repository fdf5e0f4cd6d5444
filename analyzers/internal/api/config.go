package api

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Config holds the API knowledge users add to the defaults. Its values are
// set through analyzer flags (see each rule's doc) and read by every rule
// that asks the matching question, so that one setting teaches the whole
// suite: -spanend.start-funcs makes a wrapper a span start for spanend,
// spanname and pii alike.
var Config = struct {
	// StartFuncs lists regular expressions over full function names (as
	// go/types prints them) of in-house span-start wrappers, in addition to
	// every Tracer's Start.
	StartFuncs RegexpList
}{}

// RegexpList is a flag.Value holding a comma-separated list of regular
// expressions, each matched against a whole string.
type RegexpList struct {
	mu   sync.RWMutex
	src  []string
	exps []*regexp.Regexp
}

// String returns the list as it was set.
func (l *RegexpList) String() string {
	if l == nil {
		return ""
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return strings.Join(l.src, ",")
}

// Set replaces the list with the comma-separated expressions in s. An
// expression that does not compile is an error naming it.
func (l *RegexpList) Set(s string) error {
	var src []string
	var exps []*regexp.Regexp
	for _, part := range SplitList(s) {
		re, err := regexp.Compile("^(?:" + part + ")$")
		if err != nil {
			return fmt.Errorf("invalid regular expression %q: %v", part, err)
		}
		src = append(src, part)
		exps = append(exps, re)
	}
	l.mu.Lock()
	l.src, l.exps = src, exps
	l.mu.Unlock()
	return nil
}

// Matches reports whether s matches one of the expressions.
func (l *RegexpList) Matches(s string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, re := range l.exps {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// Len returns the number of expressions.
func (l *RegexpList) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.exps)
}

// SplitList splits a comma-separated flag value into its trimmed, non-empty
// parts.
func SplitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
