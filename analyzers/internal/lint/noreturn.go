package lint

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// knownNoReturn lists functions that never return to their caller.
var knownNoReturn = map[string]bool{}

func init() {
	for _, n := range []string{
		"os.Exit", "runtime.Goexit", "syscall.Exit",
		"log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln",
		"(*log.Logger).Fatal", "(*log.Logger).Fatalf", "(*log.Logger).Fatalln",
		"(*log.Logger).Panic", "(*log.Logger).Panicf", "(*log.Logger).Panicln",
		"(*testing.common).FailNow", "(*testing.common).Fatal", "(*testing.common).Fatalf",
		"(*testing.common).SkipNow", "(*testing.common).Skip", "(*testing.common).Skipf",
		"(*go.uber.org/zap.Logger).Fatal", "(*go.uber.org/zap.Logger).Panic",
		"(*go.uber.org/zap.SugaredLogger).Fatal", "(*go.uber.org/zap.SugaredLogger).Fatalf",
		"(*go.uber.org/zap.SugaredLogger).Fatalw", "(*go.uber.org/zap.SugaredLogger).Fatalln",
		"(*go.uber.org/zap.SugaredLogger).Panic", "(*go.uber.org/zap.SugaredLogger).Panicf",
		"(*go.uber.org/zap.SugaredLogger).Panicw", "(*go.uber.org/zap.SugaredLogger).Panicln",
		"k8s.io/klog/v2.Fatal", "k8s.io/klog/v2.Fatalf", "k8s.io/klog/v2.Exit", "k8s.io/klog/v2.Exitf",
	} {
		knownNoReturn[n] = true
	}
	for _, p := range []string{api.LogrusPath + ".", "(*" + api.LogrusPath + ".Logger).", "(*" + api.LogrusPath + ".Entry)."} {
		for _, m := range []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"} {
			knownNoReturn[p+m] = true
		}
	}
}

// Flow builds control-flow graphs for the functions of one package, deciding
// which calls never return from a known list (os.Exit, log.Fatal, panic,
// t.Fatal, zap/logrus Fatal and Panic, ...) and from the bodies of
// same-package functions. It uses no analyzer facts: a call into another
// package that is not on the list is assumed to return.
type Flow struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	memo  map[*types.Func]bool // true: never returns
	busy  map[*types.Func]bool
}

// NewFlow prepares a Flow for pass. It indexes top-level function
// declarations only; graphs are built on demand.
func NewFlow(pass *analysis.Pass) *Flow {
	f := &Flow{info: pass.TypesInfo, decls: map[*types.Func]*ast.FuncDecl{}, memo: map[*types.Func]bool{}, busy: map[*types.Func]bool{}}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				f.decls[fn] = fd
			}
		}
	}
	return f
}

// CFG returns the control-flow graph of a function body.
func (f *Flow) CFG(body *ast.BlockStmt) *cfg.CFG {
	return cfg.New(body, f.MayReturn)
}

// MayReturn reports whether call may return to its caller.
func (f *Flow) MayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn := api.Callee(f.info, call)
	if fn == nil {
		return true
	}
	if knownNoReturn[api.FullName(fn)] {
		return false
	}
	return !f.neverReturns(fn)
}

// neverReturns reports whether the same-package function fn has no path
// that returns.
func (f *Flow) neverReturns(fn *types.Func) bool {
	decl, ok := f.decls[fn]
	if !ok {
		return false
	}
	if v, ok := f.memo[fn]; ok {
		return v
	}
	if f.busy[fn] {
		return false // recursion: assume it returns
	}
	f.busy[fn] = true
	v := cfg.New(decl.Body, f.MayReturn).NoReturn()
	delete(f.busy, fn)
	f.memo[fn] = v
	return v
}
