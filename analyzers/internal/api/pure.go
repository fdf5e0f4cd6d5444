package api

import (
	"go/types"
	"strings"
)

// Pure standard-library functions: in-memory computation that cannot block,
// does no I/O and starts no span. A span around nothing but these measures
// a few microseconds of CPU.

// purePackages are packages all of whose functions and methods are pure.
var purePackages = map[string]bool{
	"strings":       true,
	"strconv":       true,
	"bytes":         true,
	"unicode":       true,
	"unicode/utf8":  true,
	"unicode/utf16": true,
	"errors":        true,
	"math":          true,
	"math/bits":     true,
	"math/big":      true,
	"cmp":           true,
	"sort":          true,
	"slices":        true,
	"maps":          true,
	"path":          true,
	"encoding/hex":  true,
	"regexp":        true,
	"html":          true,
	"net/url":       true, // parsing and escaping; no network
	"net/netip":     true,
}

// pureFuncs are pure functions and methods of packages that also hold
// impure ones (fmt's Print family writes; time's Sleep blocks).
var pureFuncs = map[string]bool{
	"fmt.Sprintf":                        true,
	"fmt.Sprint":                         true,
	"fmt.Sprintln":                       true,
	"fmt.Errorf":                         true,
	"fmt.Appendf":                        true,
	"fmt.Append":                         true,
	"time.Now":                           true,
	"time.Since":                         true,
	"time.Until":                         true,
	"time.Unix":                          true,
	"time.UnixMilli":                     true,
	"time.Date":                          true,
	"time.Parse":                         true,
	"time.ParseDuration":                 true,
	"(*encoding/base64.Encoding).Encode": true,
	"(*encoding/base64.Encoding).EncodeToString": true,
	"(*encoding/base64.Encoding).DecodeString":   true,
	"path/filepath.Join":                         true,
	"path/filepath.Base":                         true,
	"path/filepath.Dir":                          true,
	"path/filepath.Ext":                          true,
	"path/filepath.Clean":                        true,
}

// pureTypes are types of impure packages whose methods are all pure.
var pureTypes = map[string]bool{
	"time.Time":     true,
	"time.Duration": true,
	"time.Month":    true,
	"time.Weekday":  true,
}

// IsPureStd reports whether fn is a pure standard-library function or
// method: one of purePackages, pureFuncs, or a method of pureTypes.
func IsPureStd(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if purePackages[fn.Pkg().Path()] || pureFuncs[FullName(fn)] {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && pureTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// IsSpanDecoration reports whether fn only builds what a span records: an
// attribute (go.opentelemetry.io/otel/attribute, the semconv packages), a
// status code, or a span start or end option of the trace package.
func IsSpanDecoration(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	switch {
	case p == AttributePath, p == CodesPath, strings.HasPrefix(p, OtelPath+"/semconv/"):
		return true
	case p == TracePath:
		sig, ok := fn.Type().(*types.Signature)
		return ok && sig.Recv() == nil && strings.HasPrefix(fn.Name(), "With")
	}
	return false
}
