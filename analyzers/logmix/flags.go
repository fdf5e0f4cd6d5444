package logmix

import (
	"fmt"
	"sort"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// libraryFlag is the -logmix.logger value.
type libraryFlag struct{ lib api.LogLibrary }

func (f *libraryFlag) String() string { return string(f.lib) }

func (f *libraryFlag) Set(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		f.lib = ""
		return nil
	}
	for _, l := range api.LogLibraries {
		if string(l) == s && l != api.LibFmt {
			f.lib = l
			return nil
		}
	}
	return fmt.Errorf("unknown logging library %q (known: slog, zap, otelzap, zerolog, logrus, log)", s)
}

// pathList is a comma-separated list of import paths; "p/..." matches p
// and the packages below it.
type pathList struct{ paths []string }

func (l *pathList) String() string { return strings.Join(l.paths, ",") }

func (l *pathList) Set(s string) error {
	l.paths = api.SplitList(s)
	sort.Strings(l.paths)
	return nil
}

func (l *pathList) matches(path string) bool {
	for _, p := range l.paths {
		if rest, ok := strings.CutSuffix(p, "/..."); ok {
			if path == rest || strings.HasPrefix(path, rest+"/") {
				return true
			}
		} else if p == path {
			return true
		}
	}
	return false
}
