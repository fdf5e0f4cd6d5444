package api

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Logger levels: the calls and literals that fix the level a program's
// logger records at, and the constants that name a debug or trace level.

// DebugLevelKind says how a call or literal hard-wires a debug level.
type DebugLevelKind int

const (
	// DebugBuilder builds a logger that records debug (zap.NewDevelopment).
	DebugBuilder DebugLevelKind = iota + 1
	// DebugConfig returns a configuration whose level is debug
	// (zap.NewDevelopmentConfig): the level holds unless the caller changes
	// the configuration's Level field.
	DebugConfig
	// LevelSetter sets or fixes a level given as its first argument
	// (slog.SetLogLoggerLevel, logrus.SetLevel, zerolog.SetGlobalLevel,
	// zap.NewAtomicLevelAt).
	LevelSetter
)

// debugLevelCalls are the calls that fix a logger's level.
var debugLevelCalls = map[string]DebugLevelKind{
	ZapPath + ".NewDevelopment":             DebugBuilder,
	ZapPath + ".NewDevelopmentConfig":       DebugConfig,
	ZapPath + ".NewAtomicLevelAt":           LevelSetter,
	SlogPath + ".SetLogLoggerLevel":         LevelSetter,
	LogrusPath + ".SetLevel":                LevelSetter,
	"(*" + LogrusPath + ".Logger).SetLevel": LevelSetter,
	ZerologPath + ".SetGlobalLevel":         LevelSetter,
	"(" + ZerologPath + ".Logger).Level":    LevelSetter,
}

// DebugLevelCallOf reports whether call fixes a logger's level, and how.
func DebugLevelCallOf(info *types.Info, call *ast.CallExpr) (DebugLevelKind, string, bool) {
	name := CalleeName(info, call)
	kind := debugLevelCalls[name]
	if kind == 0 {
		return 0, "", false
	}
	return kind, name, true
}

// debugLevelConsts are the named constants of a debug or trace level, by
// the full name of the constant object (zap.DebugLevel is a constant of
// package zap equal to zapcore.DebugLevel: both are listed).
var debugLevelConsts = map[string]string{
	ZapPath + ".DebugLevel":         "debug",
	ZapPath + "/zapcore.DebugLevel": "debug",
	SlogPath + ".LevelDebug":        "debug",
	LogrusPath + ".DebugLevel":      "debug",
	LogrusPath + ".TraceLevel":      "trace",
	ZerologPath + ".DebugLevel":     "debug",
	ZerologPath + ".TraceLevel":     "trace",
}

// DebugLevelConst returns "debug" or "trace" when e names one of the
// logging libraries' debug or trace level constants (zap.DebugLevel,
// slog.LevelDebug, logrus.TraceLevel, ...). A number converted to a level
// (zapcore.Level(-8)) or a variable is not such a name: it is a choice
// made on purpose, or a value from somewhere else.
func DebugLevelConst(info *types.Info, e ast.Expr) (string, bool) {
	c, ok := ObjectOf(info, e).(*types.Const)
	if !ok || c.Pkg() == nil {
		return "", false
	}
	lvl, ok := debugLevelConsts[c.Pkg().Path()+"."+c.Name()]
	return lvl, ok
}

// IsSlogHandlerOptions reports whether t is log/slog.HandlerOptions or a
// pointer to it.
func IsSlogHandlerOptions(t types.Type) bool { return IsNamed(t, SlogPath, "HandlerOptions") }

// levelRaisers are zap options that raise a logger's level after it is
// built: a development logger given one no longer records debug.
var levelRaisers = map[string]bool{
	ZapPath + ".IncreaseLevel": true,
	ZapPath + ".WrapCore":      true,
}

// IsZapLevelRaiser reports whether call is zap.IncreaseLevel or
// zap.WrapCore (an option that may change what the logger records).
func IsZapLevelRaiser(info *types.Info, call *ast.CallExpr) bool {
	return levelRaisers[CalleeName(info, call)]
}

// IsZapOption reports whether call builds a zap.Option (zap.AddCaller(),
// zap.Fields(...)).
func IsZapOption(info *types.Info, call *ast.CallExpr) bool {
	return IsNamed(TypeOf(info, call), ZapPath, "Option")
}

// serverStarts are the calls that make a program serve requests.
var serverStarts = map[string]bool{
	"net/http.ListenAndServe":                   true,
	"net/http.ListenAndServeTLS":                true,
	"net/http.Serve":                            true,
	"net/http.ServeTLS":                         true,
	"(*net/http.Server).ListenAndServe":         true,
	"(*net/http.Server).ListenAndServeTLS":      true,
	"(*net/http.Server).Serve":                  true,
	"(*net/http.Server).ServeTLS":               true,
	"(*google.golang.org/grpc.Server).Serve":    true,
	"(*github.com/gin-gonic/gin.Engine).Run":    true,
	"(*github.com/labstack/echo/v4.Echo).Start": true,
	"(*github.com/gofiber/fiber/v2.App).Listen": true,
}

// IsServerStart reports whether call starts serving requests
// (http.ListenAndServe, (*http.Server).Serve, (*grpc.Server).Serve, ...).
func IsServerStart(info *types.Info, call *ast.CallExpr) bool {
	return serverStarts[CalleeName(info, call)]
}

// ServesDebugMux reports whether call starts a debug server: a nil
// handler (http.DefaultServeMux, where net/http/pprof and expvar register)
// on a constant loopback address ("localhost:6060", "127.0.0.1:6060"). It
// serves the person debugging the process, not requests.
func ServesDebugMux(info *types.Info, call *ast.CallExpr) bool {
	name := CalleeName(info, call)
	i := HTTPServeHandlerArg(info, call)
	if i < 0 || i >= len(call.Args) || !IsNil(info, call.Args[i]) || name == "net/http.Serve" || name == "net/http.ServeTLS" {
		return false // http.Serve's address is its listener's
	}
	addr, ok := StringConst(info, call.Args[0])
	return ok && loopbackHost(addr)
}

// LoopbackDebugServer reports whether e builds an http.Server (a
// composite literal, or its address) that serves http.DefaultServeMux —
// no Handler — on a loopback address: Addr a constant loopback host, or a
// concatenation starting with one ("localhost:" + port). Like a debug
// mux, it serves the person at the machine: a command line's login
// callback, a tool's pprof.
func LoopbackDebugServer(info *types.Info, e ast.Expr) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || !IsNamed(TypeOf(info, lit), "net/http", "Server") {
		return false
	}
	loopback := false
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
			return false
		case key.Name == "Handler" && !IsNil(info, kv.Value):
			return false
		case key.Name == "Addr":
			loopback = loopbackAddr(info, kv.Value)
		}
	}
	return loopback
}

// loopbackAddr reports whether e is a listen address on loopback: a
// constant, or a concatenation whose first operand is a constant host
// with its colon ("localhost:" + strconv.Itoa(port)).
func loopbackAddr(info *types.Info, e ast.Expr) bool {
	for {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			break
		}
		if s, ok := StringConst(info, b); ok {
			return loopbackHost(s)
		}
		e = b.X
	}
	s, ok := StringConst(info, e)
	return ok && loopbackHost(s)
}

// loopbackHost reports whether addr ("host:port") names a loopback host.
func loopbackHost(addr string) bool {
	host := addr
	if j := strings.LastIndex(addr, ":"); j >= 0 {
		host = addr[:j]
	}
	host = strings.Trim(host, "[]")
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

// StartsServing reports whether call starts serving requests: a server
// start other than a debug server on loopback (a tool exposing pprof on
// localhost:6060 serves nothing).
func StartsServing(info *types.Info, call *ast.CallExpr) bool {
	return IsServerStart(info, call) && !ServesDebugMux(info, call)
}

// IsNil reports whether e is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// IsDebugRecord reports whether the log call emits a debug or trace
// record: a level method (Debug, Debugf, Debugw, DebugContext, Trace, ...),
// a zerolog event begun by Debug() or Trace() (log.Debug().Str(...).Msg),
// or a Log call given a debug level constant (logger.Log(ctx,
// slog.LevelDebug, ...)). Such records are off where production logs run
// at info; switching them on is a deliberate act of diagnosis.
func IsDebugRecord(info *types.Info, lc LogCall) bool {
	if isDebugMethod(lc.Method) {
		return true
	}
	for _, a := range lc.Call.Args {
		if _, ok := DebugLevelConst(info, a); ok {
			return true
		}
	}
	// Walk the receiver chain: zerolog's log.Debug().Str(...).Msg(...).
	e := lc.Call.Fun
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		call, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if fn := Callee(info, call); fn != nil && fn.Pkg() != nil && strings.HasPrefix(fn.Pkg().Path(), ZerologPath) && isDebugMethod(fn.Name()) {
			return true
		}
		e = call.Fun
	}
}

func isDebugMethod(name string) bool {
	return strings.HasPrefix(name, "Debug") || strings.HasPrefix(name, "Trace")
}
