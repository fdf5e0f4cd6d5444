package logmix

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// loggerBuilders records which same-package functions call which, so that
// a helper only ever called while a logger is being built is known: the
// function returning the package's structured logger (func New()
// *zap.SugaredLogger) calls levelFromEnv, which prints a warning about a
// bad LOG_LEVEL because the logger it configures does not exist yet. Its
// print is a fallback, like one in a logger constructor's error branch.
type loggerBuilders struct {
	callers map[*types.Func][]*ast.FuncDecl // same-package function → the declarations calling it
}

// noteCall records a call of a same-package function and the declaration
// it is in.
func (b *loggerBuilders) noteCall(pkg *types.Package, fn *types.Func, stack []ast.Node) {
	if fn == nil || fn.Pkg() != pkg || fn.Exported() {
		return // an exported function has callers out of sight
	}
	if b.callers == nil {
		b.callers = map[*types.Func][]*ast.FuncDecl{}
	}
	b.callers[fn.Origin()] = append(b.callers[fn.Origin()], lint.EnclosingFuncDecl(stack))
}

// markBootstrap sets bootstrap on the fmt and log calls of the unexported
// functions whose every call is in a function returning a structured
// logger, that are used nowhere else, and that hold no structured logger
// themselves (none among their parameters, no structured log call): they
// run while the logger is being built. useCounts gives the uses of each
// function outside the skipped tests (see usage.useCounts).
func (b *loggerBuilders) markBootstrap(pass *analysis.Pass, calls []*logCall, useCounts func() map[types.Object]int) {
	if len(b.callers) == 0 {
		return
	}
	helpers := map[ast.Node]bool{}
	for _, c := range calls {
		if f := c.Library.Family(); f != api.LibFmt && f != api.LibLog {
			helpers[c.fn] = false // logs through a structured logger: it exists
		}
	}
	for _, c := range calls {
		fd, ok := c.fn.(*ast.FuncDecl)
		if !ok || c.bootstrap || (c.Library.Family() != api.LibFmt && c.Library.Family() != api.LibLog) {
			continue
		}
		if done, seen := helpers[fd]; seen {
			c.bootstrap = done
			continue
		}
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		helpers[fd] = !takesStructuredLogger(fn) && b.onlyBuildsLoggers(pass.TypesInfo, fn, useCounts()[fn])
		c.bootstrap = helpers[fd]
	}
}

// onlyBuildsLoggers reports whether every one of fn's uses is a call from
// a function returning a structured logger.
func (b *loggerBuilders) onlyBuildsLoggers(info *types.Info, fn *types.Func, uses int) bool {
	callers := b.callers[fn]
	if len(callers) == 0 || len(callers) != uses {
		return false
	}
	for _, fd := range callers {
		if fd == nil {
			return false // a package-level initialiser
		}
		if caller, _ := info.Defs[fd.Name].(*types.Func); caller == nil || !returnsStructuredLogger(caller) {
			return false
		}
	}
	return true
}

// returnsStructuredLogger reports whether one of fn's results is a logger
// of a structured library (not the standard log package's).
func returnsStructuredLogger(fn *types.Func) bool {
	return api.AnyResult(fn, func(t types.Type) bool {
		lib, ok := api.LoggerTypeOf(t)
		return ok && lib != api.LibLog
	})
}

// takesStructuredLogger reports whether fn has a structured logger among
// its receiver and parameters.
func takesStructuredLogger(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if r := sig.Recv(); r != nil {
		if lib, ok := api.LoggerOrWrapperOf(r.Type()); ok && lib != api.LibLog {
			return true
		}
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if lib, ok := api.LoggerOrWrapperOf(sig.Params().At(i).Type()); ok && lib != api.LibLog {
			return true
		}
	}
	return false
}
