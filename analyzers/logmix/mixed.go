package logmix

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// tally is the per-family count of the counted calls of a package.
type tally struct {
	count   map[api.LogLibrary]int
	otelzap int // calls of otelzap within the zap family
}

// choice is the library a package should use, and why.
type choice struct {
	family  api.LogLibrary
	reason  string // the start of the message
	advice  string // "use zap"
	fmtLogs bool   // fmt printing counts as logging in this package
	// tiedWith are the other structured libraries used as much as family:
	// nothing says which of them the package logs with, so their calls
	// are not reported (log and fmt calls still are).
	tiedWith []api.LogLibrary
}

// counted reports whether a call takes part in the mixing check: not in a
// bridge file, not the fallback of a failed logger constructor, not help
// text, not fmt or log reporting the exit of a func main that has no
// structured logger, nor fmt or log in func main before it builds its
// structured logger.
func (c *logCall) counted(u *usage) bool {
	if c.inMain {
		f := c.Library.Family()
		before := u.mainBuilds.IsValid() && c.Call.Pos() < u.mainBuilds
		if (f == api.LibFmt || f == api.LibLog) && (!u.mainLogs || before) {
			return false
		}
	}
	return !(c.file != nil && c.file.isBridge()) && !c.bootstrap && !c.cliOutput && !c.output
}

func reportMixed(pass *analysis.Pass, r *lint.Reporter, u *usage) map[*ast.CallExpr]bool {
	mixed := map[*ast.CallExpr]bool{}
	if !r.Enabled(checkMixed) {
		return mixed
	}
	if !u.serves && (pass.Pkg.Name() == "main" || api.InCommandTree(pass.Pkg.Path()) && !api.ImportsTracing(pass.Pkg)) {
		// A command-line tool, a load generator or a one-shot job (its
		// main, or an untraced package of its cmd tree): its logs go to
		// the terminal of the person running it, not into a production
		// log pipeline that must parse one format.
		return mixed
	}
	// Next to the standard log package alone, fmt printing values only
	// (fmt.Println(value), fmt.Print(string(out))) writes a tool's results
	// to standard output while log reports on standard error: the
	// standard library's own split, not a second logging library.
	structured := false
	for _, c := range u.calls {
		if f := c.Library.Family(); f != api.LibFmt && f != api.LibLog && c.counted(u) {
			structured = true
			break
		}
	}
	writesData := func(c *logCall) bool {
		return !structured && c.Library == api.LibFmt && printsData(pass.TypesInfo, c)
	}
	t := tally{count: map[api.LogLibrary]int{}}
	for _, c := range u.calls {
		if c.counted(u) && !writesData(c) {
			t.count[c.Library.Family()]++
			if c.Library == api.LibOtelzap {
				t.otelzap++
			}
		}
	}
	ch, ok := chooseLibrary(pass.Pkg.Name() == "main", t)
	if !ok {
		return mixed
	}
	for _, c := range u.calls {
		fam := c.Library.Family()
		if !c.counted(u) || fam == ch.family || (fam == api.LibFmt && !ch.fmtLogs) || writesData(c) || slices.Contains(ch.tiedWith, fam) {
			continue
		}
		mixed[c.Call] = true
		r.Reportf(checkMixed, c.Call, "%s; this %s call uses %s: %s", ch.reason, callName(pass.TypesInfo, c), c.Library, ch.advice)
	}
	return mixed
}

// familyOrder breaks ties between equally used libraries.
var familyOrder = []api.LogLibrary{api.LibSlog, api.LibZap, api.LibZerolog, api.LibLogrus, api.LibLog}

// chooseLibrary decides the package's logging library: -logmix.logger, or
// the most used one, where the standard log package counts only when no
// structured library is used or it is tied with one. fmt is never chosen. It counts as logging next to a
// structured library; next to std log alone only outside main packages and
// when fmt is not the majority (a package printing mostly with fmt is
// producing output, such as a CGI program's response or a tool's report,
// and uses log for its errors).
func chooseLibrary(isMain bool, t tally) (choice, bool) {
	structured := false
	loggers := 0
	for _, f := range familyOrder {
		if t.count[f] > 0 {
			loggers++
			if f != api.LibLog {
				structured = true
			}
		}
	}
	ch := choice{fmtLogs: structured || (loggers > 0 && !isMain && t.count[api.LibFmt] <= t.count[api.LibLog])}
	if want := flagLogger.lib; want != "" {
		ch.family = want.Family()
		name := string(want)
		ch.reason = "this service logs with " + name + " (-logmix.logger=" + name + ")"
		ch.advice = "use " + name
		return ch, true
	}
	if loggers == 0 || (loggers == 1 && (!ch.fmtLogs || t.count[api.LibFmt] == 0)) {
		return choice{}, false
	}
	var top []api.LogLibrary
	// The standard log package wins only among unstructured calls: next to
	// a structured library it has no fields and no context to offer, so
	// the structured library is chosen even when log is used more.
	logOutnumbers := structured && t.count[api.LibLog] > 0
	for _, f := range familyOrder {
		if f != api.LibLog && t.count[f] >= t.count[api.LibLog] {
			logOutnumbers = false
		}
	}
	for _, f := range familyOrder {
		switch {
		case t.count[f] == 0, logOutnumbers && f == api.LibLog:
		case len(top) == 0 || t.count[f] > t.count[top[0]]:
			top = []api.LogLibrary{f}
		case t.count[f] == t.count[top[0]]:
			top = append(top, f)
		}
	}
	ch.family = top[0]
	for _, f := range top[1:] {
		if f != api.LibLog {
			ch.tiedWith = append(ch.tiedWith, f)
		}
	}
	name := familyName(ch.family, t)
	ch.advice = "use " + name
	if ch.family == api.LibZap && t.otelzap > 0 {
		ch.advice = "use otelzap"
	}
	n := t.count[ch.family]
	switch {
	case logOutnumbers && len(top) == 1:
		nl := t.count[api.LibLog]
		ch.reason = fmt.Sprintf("package logs with %s (%d %s) and with log (%d %s), which has no structured fields and no context",
			name, n, plural(n, "call"), nl, plural(nl, "call"))
	case len(top) == 1:
		ch.reason = fmt.Sprintf("package uses %s for logging (%d %s)", name, n, plural(n, "call"))
	default:
		names := make([]string, len(top))
		for i, f := range top {
			names[i] = familyName(f, t)
		}
		ch.reason = fmt.Sprintf("package uses %s equally for logging (%d %s each; %s wins the tie in the order slog, zap, zerolog, logrus, log: set -logmix.logger to choose)",
			joinAnd(names), n, plural(n, "call"), name)
	}
	return ch, true
}

// joinAnd joins names as "a and b" or "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func familyName(f api.LogLibrary, t tally) string {
	if f == api.LibZap && t.otelzap > 0 {
		if t.otelzap == t.count[f] {
			return "otelzap"
		}
		return "zap/otelzap"
	}
	return string(f)
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// callName names a log call as written when that is short: "log.Printf",
// "s.logger.Info", "logger.WithField(...).Warn", "log.Info()...Msg" for a
// longer chain; else by its method.
func callName(info *types.Info, c *logCall) string {
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return c.Method
	}
	if isSimplePath(sel.X) {
		return types.ExprString(sel)
	}
	// Walk down the chain to its first call.
	hops := 0
	x := sel.X
	for {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return c.Method
		}
		inner, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return c.Method
		}
		hops++
		if isSimplePath(inner.X) {
			root := types.ExprString(inner) + "()"
			if len(call.Args) > 0 {
				root = types.ExprString(inner) + "(...)"
			}
			if hops == 1 {
				return root + "." + c.Method
			}
			return root + "..." + c.Method
		}
		x = inner.X
	}
}

func isSimplePath(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		_, ok := x.X.(*ast.Ident)
		return ok
	}
	return false
}
