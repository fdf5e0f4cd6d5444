package logmix

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// checkDebugLevel is the debug-level check: a program's logger hard-wired
// to the debug or trace level.
const checkDebugLevel = "debug-level"

// debugSite is one call or literal that fixes a debug or trace level.
type debugSite struct {
	node    ast.Node // where the finding goes
	message string
	outer   *ast.FuncDecl // the declaration holding it, or nil at package level
}

// reportDebugLevels reports the loggers of the package built at a debug or
// trace level that nothing configurable decides. serves tells whether the
// package starts serving requests (usage.serves, which mixed-libraries
// reads too).
func reportDebugLevels(pass *analysis.Pass, r *lint.Reporter, ins *inspector.Inspector, serves bool) {
	if !r.Enabled(checkDebugLevel) || importsTesting(pass) {
		return // a test-support package builds loggers for tests
	}
	var sites []debugSite
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		f, _ := stack[0].(*ast.File)
		if f == nil || lint.IsGenerated(f) || lint.IsTestFile(pass, n.Pos()) {
			return false
		}
		var msg string
		switch n := n.(type) {
		case *ast.CallExpr:
			msg = debugCallMessage(pass.TypesInfo, n, stack)
		case *ast.CompositeLit:
			msg = debugOptionsMessage(pass.TypesInfo, n)
		}
		if msg == "" || inBranch(stack) || inTestHelper(pass.TypesInfo, stack) {
			return true
		}
		sites = append(sites, debugSite{node: n, message: msg, outer: lint.EnclosingFuncDecl(stack)})
		return true
	})
	if len(sites) == 0 {
		return
	}
	if pass.Pkg.Name() == "main" && !serves {
		// A command-line tool or a test program printing its debug
		// output for the person running it: no production log volume.
		return
	}
	callers := callersOf(pass, ins, sites)
	for _, s := range sites {
		if s.outer != nil && onlyGuardedCallers(pass.TypesInfo, s.outer, callers) {
			continue
		}
		r.Reportf(checkDebugLevel, s.node, "%s", s.message)
	}
}

// debugCallMessage returns the finding for a call that hard-wires a debug
// or trace level, or "".
func debugCallMessage(info *types.Info, call *ast.CallExpr, stack []ast.Node) string {
	kind, name, ok := api.DebugLevelCallOf(info, call)
	if !ok {
		return ""
	}
	short := shortName(name)
	switch kind {
	case api.DebugBuilder:
		if !plainZapOptions(info, call) || funcRaisesZapLevel(info, stack) || resultReassigned(info, call, stack) {
			return ""
		}
		return short + " builds a development logger that records every debug message; build the program's logger with zap.NewProduction, or from a zap.Config whose Level comes from a flag or the environment (zap.ParseAtomicLevel)"
	case api.DebugConfig:
		if !devConfigUsedAsIs(info, call, stack) {
			return ""
		}
		return short + "'s level is debug and nothing here sets the config's Level; set it from a flag or the environment (cfg.Level, _ = zap.ParseAtomicLevel(level)) or start from zap.NewProductionConfig"
	case api.LevelSetter:
		if len(call.Args) == 0 {
			return ""
		}
		lvl, ok := api.DebugLevelConst(info, call.Args[0])
		if !ok || setAgain(info, call, name, stack) {
			return ""
		}
		if name == api.ZapPath+".NewAtomicLevelAt" && !fixesConfigLevel(stack) {
			return "" // an AtomicLevel held, served or returned can be changed at run time
		}
		return short + "(" + types.ExprString(call.Args[0]) + ") hard-wires the " + lvl + " level, so production records every " + lvl + " message; " + levelAdvice(name) + ""
	}
	return ""
}

// debugOptionsMessage returns the finding for slog.HandlerOptions{Level:
// slog.LevelDebug}, or "".
func debugOptionsMessage(info *types.Info, lit *ast.CompositeLit) string {
	if !api.IsSlogHandlerOptions(api.TypeOf(info, lit)) {
		return ""
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); !ok || key.Name != "Level" {
			continue
		}
		if _, ok := api.DebugLevelConst(info, kv.Value); ok {
			return "slog.HandlerOptions{Level: " + types.ExprString(kv.Value) + "} hard-wires the debug level, so production records every debug message; " + levelAdvice(api.SlogPath+".") + ""
		}
	}
	return ""
}

// levelAdvice says how to make the level configurable in the library of
// the function named name.
func levelAdvice(name string) string {
	switch {
	case strings.Contains(name, api.ZapPath):
		return "take the level from a flag or the environment (zap.ParseAtomicLevel)"
	case strings.Contains(name, api.LogrusPath):
		return "take the level from a flag or the environment (logrus.ParseLevel)"
	case strings.Contains(name, api.ZerologPath):
		return "take the level from a flag or the environment (zerolog.ParseLevel)"
	}
	return "take the level from a flag or the environment (a slog.LevelVar set with UnmarshalText)"
}

// shortName turns "go.uber.org/zap.NewDevelopment" into "zap.NewDevelopment"
// and "(*github.com/sirupsen/logrus.Logger).SetLevel" into
// "logrus.Logger.SetLevel".
func shortName(full string) string {
	s := strings.NewReplacer("(*", "", "(", "", ")", "").Replace(full)
	if i := strings.LastIndex(s[:strings.LastIndex(s, ".")], "/"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// plainZapOptions reports whether every option given to zap.NewDevelopment
// is a zap option built on the spot that leaves the level alone: an option
// slice (opts...) or zap.IncreaseLevel may raise it.
func plainZapOptions(info *types.Info, call *ast.CallExpr) bool {
	if call.Ellipsis.IsValid() {
		return false
	}
	for _, a := range call.Args {
		c, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || !api.IsZapOption(info, c) || api.IsZapLevelRaiser(info, c) {
			return false
		}
	}
	return true
}

// funcRaisesZapLevel reports whether the function holding the top of
// stack calls zap.IncreaseLevel or zap.WrapCore: the development logger
// it builds is given a higher level afterwards (logger.WithOptions(...)).
func funcRaisesZapLevel(info *types.Info, stack []ast.Node) bool {
	fn := lint.EnclosingFunc(stack)
	if fn == nil {
		return false
	}
	body, _ := lint.FuncBody(fn)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && api.IsZapLevelRaiser(info, c) {
			found = true
		}
		return !found
	})
	return found
}

// devConfigUsedAsIs reports whether the development config built by call
// keeps its debug level: it is built on directly (NewDevelopmentConfig().Build())
// or held in a local variable whose Level field is never assigned and
// that goes nowhere else (returned, passed on or addressed, it may be
// changed by someone else).
func devConfigUsedAsIs(info *types.Info, call *ast.CallExpr, stack []ast.Node) bool {
	var v *types.Var
	switch p := stack[len(stack)-2].(type) {
	case *ast.SelectorExpr:
		return p.X == call
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				v, _ = info.ObjectOf(id).(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			v, _ = info.ObjectOf(p.Names[0]).(*types.Var)
		}
	}
	fn := lint.EnclosingFunc(stack)
	if v == nil || fn == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	body, _ := lint.FuncBody(fn)
	asIs := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !asIs {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Level" && isVar(info, sel.X, v) {
					asIs = false
				}
			}
		case *ast.SelectorExpr:
			if isVar(info, n.X, v) {
				return false // cfg.Build(), cfg.Encoding = ...: the config used in place
			}
		case *ast.Ident:
			if info.Uses[n] == v {
				asIs = false // returned, passed, addressed or copied
			}
		}
		return true
	})
	return asIs
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// inBranch reports whether the top of stack lies in a branch: the body or
// else of an if statement, a case of a switch or select. A level chosen in
// a branch is chosen by the branch's condition (a flag, an environment
// variable, a level string).
func inBranch(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.IfStmt:
			if next := stack[i+1]; next == s.Body || next == s.Else {
				return true
			}
		case *ast.CaseClause, *ast.CommClause:
			return true
		}
	}
	return false
}

// inTestHelper reports whether a function holding the top of stack takes
// a *testing.T, *testing.B or testing.TB: it builds a logger for a test.
func inTestHelper(info *types.Info, stack []ast.Node) bool {
	for _, fn := range lint.EnclosingFuncs(stack) {
		if _, typ := lint.FuncBody(fn); api.TakesTestingParam(info, typ) {
			return true
		}
	}
	return false
}

// importsTesting reports whether a file of the package other than its
// _test.go files imports the testing package: a test-support package (a
// harness, a fixture).
func importsTesting(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if lint.IsTestFile(pass, f.Pos()) {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path != nil && imp.Path.Value == `"testing"` {
				return true
			}
		}
	}
	return false
}

// useSite is one reference to a function of the package.
type useSite struct {
	guarded bool // in a test helper or in a branch
}

// callersOf collects, for the functions declaring the sites, every
// reference to them in the package.
func callersOf(pass *analysis.Pass, ins *inspector.Inspector, sites []debugSite) map[types.Object][]useSite {
	want := map[types.Object]bool{}
	for _, s := range sites {
		if s.outer != nil {
			if obj := pass.TypesInfo.Defs[s.outer.Name]; obj != nil {
				want[obj] = true
			}
		}
	}
	out := map[types.Object][]useSite{}
	if len(want) == 0 {
		return out
	}
	ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		obj := pass.TypesInfo.Uses[n.(*ast.Ident)]
		if obj == nil || !want[obj] {
			return true
		}
		if lint.IsTestFile(pass, n.Pos()) {
			return true // a test's call
		}
		out[obj] = append(out[obj], useSite{guarded: inBranch(stack) || inTestHelper(pass.TypesInfo, stack)})
		return true
	})
	return out
}

// onlyGuardedCallers reports whether every reference outside _test.go
// files to the function declared by decl is in a test helper or a branch:
// the logger is built for tests or when something configurable asks for
// debug output. main and init have no callers.
func onlyGuardedCallers(info *types.Info, decl *ast.FuncDecl, callers map[types.Object][]useSite) bool {
	obj := info.Defs[decl.Name]
	uses := callers[obj]
	if len(uses) == 0 {
		// Unexported and never used outside tests (the package without
		// its _test.go files does not see the tests' calls): dead or
		// test-only code. Exported: called from other packages.
		return !obj.Exported() && decl.Name.Name != "main" && decl.Name.Name != "init"
	}
	for _, u := range uses {
		if !u.guarded {
			return false
		}
	}
	return true
}

// resultReassigned reports whether the logger built by call is assigned to
// a local variable that the function assigns again (logger, _ :=
// zap.NewDevelopment(); if env == "prod" { logger, _ = zap.NewProduction() }):
// the development logger is a default that configuration overrides.
func resultReassigned(info *types.Info, call *ast.CallExpr, stack []ast.Node) bool {
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	fn := lint.EnclosingFunc(stack)
	if !ok || fn == nil {
		return false
	}
	body, _ := lint.FuncBody(fn)
	again := false
	ast.Inspect(body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && a != as {
			for _, l := range a.Lhs {
				if isVar(info, l, v) {
					again = true
				}
			}
		}
		return !again
	})
	return again
}

// setAgain reports whether the function holding a level setter calls the
// same setter again (logrus.SetLevel(logrus.DebugLevel) followed by
// logrus.SetLevel(parsed)): debug is a default that configuration replaces.
func setAgain(info *types.Info, call *ast.CallExpr, name string, stack []ast.Node) bool {
	fn := lint.EnclosingFunc(stack)
	if fn == nil {
		return false
	}
	body, _ := lint.FuncBody(fn)
	again := false
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && c != call && api.CalleeName(info, c) == name {
			again = true
		}
		return !again
	})
	return again
}

// fixesConfigLevel reports whether the zap.NewAtomicLevelAt call on top of
// stack is stored straight into a configuration's Level (cfg.Level = ...,
// zap.Config{Level: ...}): a level held in a variable, served over HTTP or
// returned is an AtomicLevel the program can change at run time.
func fixesConfigLevel(stack []ast.Node) bool {
	call := stack[len(stack)-1]
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == call && i < len(p.Lhs) {
				sel, ok := p.Lhs[i].(*ast.SelectorExpr)
				return ok && sel.Sel.Name == "Level"
			}
		}
	case *ast.KeyValueExpr:
		key, ok := p.Key.(*ast.Ident)
		return ok && key.Name == "Level" && p.Value == call
	}
	return false
}
