package spanname

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// patternFlag is the -pattern flag: a regular expression compiled when set.
type patternFlag struct{ re atomic.Pointer[regexp.Regexp] }

func (f *patternFlag) get() *regexp.Regexp { return f.re.Load() }

func (f *patternFlag) String() string {
	if re := f.get(); re != nil {
		return strings.TrimSuffix(strings.TrimPrefix(re.String(), "^(?:"), ")$")
	}
	return ""
}

func (f *patternFlag) Set(s string) error {
	if s == "" {
		f.re.Store(nil)
		return nil
	}
	re, err := regexp.Compile("^(?:" + s + ")$")
	if err != nil {
		return fmt.Errorf("invalid -spanname.pattern %q: %v", s, err)
	}
	f.re.Store(re)
	return nil
}

// allowFlag is the -allow flag: a set of exact names.
type allowFlag struct{ names atomic.Pointer[[]string] }

func (f *allowFlag) has(name string) bool {
	if p := f.names.Load(); p != nil {
		for _, n := range *p {
			if n == name {
				return true
			}
		}
	}
	return false
}

func (f *allowFlag) String() string {
	if p := f.names.Load(); p != nil {
		return strings.Join(*p, ",")
	}
	return ""
}

func (f *allowFlag) Set(s string) error {
	names := api.SplitList(s)
	f.names.Store(&names)
	return nil
}

// intFlag is the -name-arg flag.
type intFlag struct{ v int64 }

func (f *intFlag) get() int { return int(atomic.LoadInt64(&f.v)) }

func (f *intFlag) String() string { return fmt.Sprint(f.get()) }

func (f *intFlag) Set(s string) error {
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil || n < -1 {
		return fmt.Errorf("invalid -spanname.name-arg %q: want an argument index, or -1 for the wrapper's first string parameter", s)
	}
	atomic.StoreInt64(&f.v, n)
	return nil
}

// Naming styles of the -style flag.
const (
	styleDefault = "default"
	styleGuide   = "guide"
)

// styleFlag is the -style flag: the default checks only, or the
// observability guide's naming convention on top of them.
type styleFlag struct{ guideOn atomic.Bool }

// guide reports whether the guide's profile is on.
func (f *styleFlag) guide() bool { return f.guideOn.Load() }

func (f *styleFlag) String() string {
	if f.guide() {
		return styleGuide
	}
	return styleDefault
}

func (f *styleFlag) Set(s string) error {
	switch strings.TrimSpace(s) {
	case styleDefault, "":
		f.guideOn.Store(false)
	case styleGuide:
		f.guideOn.Store(true)
	default:
		return fmt.Errorf("invalid -spanname.style %q: want %s or %s", s, styleDefault, styleGuide)
	}
	return nil
}
