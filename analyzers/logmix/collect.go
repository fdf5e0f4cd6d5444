package logmix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// logCall is a log call with what the checks need to know about its place.
type logCall struct {
	api.LogCall
	file      *fileInfo
	funcs     []ast.Node // enclosing functions, outermost first
	stack     []ast.Node // the path from the file to the call, for a call that could take a context
	fn        ast.Node   // the innermost enclosing function
	bootstrap bool       // in the error branch of a logger constructor
	cliOutput bool       // fmt inside a flag.Usage function
	inMain    bool       // inside func main of package main
	// output is set for calls that print the program's output rather
	// than log (see output.go): fmt in a command's code, in a function
	// printing through a terminal package or writing CI workflow
	// commands; fmt and log building the command line or reporting a
	// failed command run.
	output bool
}

// declaration returns the function declaration the call is in, outermost,
// and the function it declares; nil, nil at package level.
func (c *logCall) declaration(info *types.Info) (*ast.FuncDecl, *types.Func) {
	if len(c.funcs) == 0 {
		return nil, nil
	}
	fd, ok := c.funcs[0].(*ast.FuncDecl)
	if !ok {
		return nil, nil
	}
	fn, _ := info.Defs[fd.Name].(*types.Func)
	return fd, fn
}

// fileInfo is what the walk learns about one file.
type fileInfo struct {
	file     *ast.File
	families map[api.LogLibrary]bool // imported logging families
	backend  bool                    // declares a logging back end (slog.Handler, zapcore.Core, a hook)
	adapter  bool                    // calls an adapter (zap.RedirectStdLog, slog.NewLogLogger, ...)
	listed   bool                    // in a package listed by -logmix.bridges
}

// importsStructured reports whether the file imports a logging library
// other than the standard log package.
func (f *fileInfo) importsStructured() bool {
	for lib := range f.families {
		if lib != api.LibLog {
			return true
		}
	}
	return false
}

// isBridge reports whether the file adapts one logging library to another:
// its package is listed in -logmix.bridges, or it imports two logging
// libraries and implements one's back end or calls an adapter.
func (f *fileInfo) isBridge() bool {
	return f.listed || (len(f.families) >= 2 && (f.backend || f.adapter))
}

// fieldUse is a structured field or key/value pair: its value may copy a
// trace id.
type fieldUse struct {
	at      ast.Node // where to report
	lib     api.LogLibrary
	key     ast.Expr // nil when unknown
	value   ast.Expr
	inMsg   bool // an operand of the message rather than a field
	file    *fileInfo
	fn      ast.Node // the innermost enclosing function
	backend bool     // inside a method of a logging back end
	// into is the logger local a With derivation holding the field is
	// assigned to (logger = logger.With(zap.String("traceID", id))), or nil.
	into *types.Var
}

type assignment struct {
	lhs *types.Var
	rhs ast.Expr
}

// usage is everything the walk collected.
type usage struct {
	pkg         *types.Package
	calls       []*logCall
	fields      []fieldUse
	assigns     []assignment           // in source order
	spanIDCalls bool                   // the package reads SpanContext().TraceID/SpanID
	idFuncs     map[*types.Func]string // functions returning a trace or span id
	// ctxOrigins are the values assigned to each local context (see
	// ctxorigin.go): it carries no span when every one of them is
	// context.Background(), context.TODO() or a span-less derivation.
	ctxOrigins map[*types.Var][]ctxOrigin
	// ctxLoggers are the local zerolog loggers, true for those every
	// assignment of which takes them from a context (see ctxlogger.go).
	ctxLoggers map[*types.Var]bool
	// ctxCarried are the locals handed to a call returning a context
	// (see noteContextCarriers).
	ctxCarried map[*types.Var]bool
	argCalls   map[*types.Func]int  // calls passing a context, per unexported function
	life       lifetimes            // where the context at hand is a lifetime (see lifetime.go)
	builders   loggerBuilders       // which same-package functions call which (see builders.go)
	uses       map[types.Object]int // see useCounts
	// mainLogs is true when func main of package main builds, holds or
	// calls a structured logger; when it does not, its fmt and log calls
	// report the process's exit outside any logger's lifetime (the
	// "if err := run(); err != nil { fmt.Fprintln(os.Stderr, err) }"
	// pattern) and are not mixing.
	mainLogs bool
	// mainBuilds is where func main of package main first builds a
	// structured logger: fmt and log before it (a -version flag, a bad
	// configuration) print while there is no logger to use.
	mainBuilds token.Pos
	hot        []analysis.Diagnostic
	out        outputPlaces
	serves     bool                // the package starts serving requests (api.StartsServing)
	loopback   map[*types.Var]bool // locals holding a loopback debug server (api.LoopbackDebugServer)
}

func collect(pass *analysis.Pass, ins *inspector.Inspector) *usage {
	info := pass.TypesInfo
	u := &usage{pkg: pass.Pkg, ctxOrigins: map[*types.Var][]ctxOrigin{}, idFuncs: map[*types.Func]string{}, out: newOutputPlaces(), life: newLifetimes()}
	var (
		file        *fileInfo
		bootstrap   []ast.Node // bodies where a logger constructor failed
		usageFns    []ast.Node // flag.Usage functions
		backendFn   []ast.Node // methods of logging back ends
		backends    []api.LogBackend
		gotBE       bool
		backendRecv = map[types.Type]bool{} // receiver types checked
		mainDecl    *ast.FuncDecl
	)
	filter := []ast.Node{
		(*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil), (*ast.IfStmt)(nil), (*ast.CompositeLit)(nil), (*ast.FuncLit)(nil),
		(*ast.SendStmt)(nil),
	}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.File:
			if (!flagTests && (lint.IsTestFile(pass, n.Pos()) || lint.IsTestSupportFile(pass, n.Pos()))) || lint.IsGenerated(n) {
				return false
			}
			file = newFileInfo(pass, n)
		case *ast.FuncLit:
			u.out.command.NoteLit(n, innermostFunc(stack[:len(stack)-1]))
			u.life.noteFuncLit(n, stack)
			u.life.noteScheduledLit(info, n, stack)
		case *ast.SendStmt:
			u.life.sends = append(u.life.sends, n.Pos())
		case *ast.FuncDecl:
			if isProgramMain(pass.Pkg, n) {
				mainDecl = n
			}
			if n.Recv == nil && n.Name.Name == "init" && n.Body != nil {
				// A package's init runs before main has built or
				// configured any logger.
				bootstrap = append(bootstrap, n.Body)
			}
			// A back end's methods name its library's types (slog.Record,
			// zapcore.Entry, *logrus.Entry, *zerolog.Event): only files
			// importing a structured library can declare one.
			if n.Recv == nil || len(n.Recv.List) == 0 || !file.importsStructured() {
				return true
			}
			if !gotBE {
				backends, gotBE = api.LogBackends(pass.Pkg), true
			}
			recv := api.TypeOf(info, n.Recv.List[0].Type)
			if p, ok := recv.(*types.Pointer); ok {
				recv = p.Elem() // LogBackendOf tries T and *T
			}
			isBE, seen := backendRecv[recv]
			if !seen {
				_, isBE = api.LogBackendOf(backends, recv)
				backendRecv[recv] = isBE
			}
			if isBE {
				file.backend = true
				backendFn = append(backendFn, n)
			}
		case *ast.IfStmt:
			if followsLoggerConstructor(info, n, stack) {
				bootstrap = append(bootstrap, n.Body)
			}
			if b := noLoggerBranch(info, n); b != nil {
				bootstrap = append(bootstrap, b)
			}
			if followsCommandRun(info, n, stack) {
				u.out.exitBranches = append(u.out.exitBranches, n.Body)
			}
		case *ast.AssignStmt:
			u.addAssign(info, n.Lhs, n.Rhs, stack)
			u.life.noteLitVar(info, n, stack)
			if mainDecl != nil && within([]ast.Node{mainDecl}, n.Pos()) && assignsLogger(info, n) {
				u.mainLogs = true
				if assignsLoggerConstructor(info, n) {
					u.mainBuilt(n.Pos())
				}
			}
			if lit := flagUsageFunc(info, n); lit != nil {
				usageFns = append(usageFns, lit)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			u.addAssign(info, lhs, n.Values, stack)
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					u.addFieldOrigin(info, kv.Key, kv.Value) // &PubSub{ctx: ctx}
				}
			}
			if api.IsLogFieldMap(api.TypeOf(info, n)) {
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						u.fields = append(u.fields, fieldUse{at: kv, lib: api.LibLogrus, key: kv.Key, value: kv.Value, file: file, fn: innermostFunc(stack), backend: within(backendFn, n.Pos())})
					}
				}
			}
		case *ast.CallExpr:
			u.serves = u.serves || api.StartsServing(info, n) && !u.startsLoopbackServer(info, n)
			callee := api.Callee(info, n)
			u.out.addCall(info, pass.Pkg, n, callee, innermostFunc(stack))
			u.addArgumentOrigins(info, pass.Pkg, n, stack)
			u.life.noteCall(info, n, stack)
			u.life.noteHandOff(info, pass.Pkg, n, callee, stack)
			u.builders.noteCall(pass.Pkg, callee, stack)
			inMain := mainDecl != nil && within([]ast.Node{mainDecl}, n.Pos())
			if c := u.addCall(pass, n, stack, file, within(bootstrap, n.Pos()), within(usageFns, n.Pos()), within(backendFn, n.Pos())); c != nil && inMain {
				c.inMain = true
				if f := c.Library.Family(); f != api.LibFmt && f != api.LibLog {
					u.mainLogs = true
				}
			} else if inMain {
				if lib, ok := api.LoggerConstructorOf(info, n); ok && lib != api.LibLog {
					u.mainLogs = true // slog.SetDefault(slog.New(h))
					u.mainBuilt(n.Pos())
				}
			}
		}
		return true
	})
	u.out.mark(info, u.calls)
	u.dropUnknownCallers(pass)
	if len(u.life.litVars) > 0 {
		u.life.finishLitVars(u.useCounts(pass))
	}
	u.life.finishHandOffs()
	u.builders.markBootstrap(pass, u.calls, func() map[types.Object]int { return u.useCounts(pass) })
	return u
}

// mainBuilt records that func main builds a structured logger at pos.
func (u *usage) mainBuilt(pos token.Pos) {
	if !u.mainBuilds.IsValid() || pos < u.mainBuilds {
		u.mainBuilds = pos
	}
}

func newFileInfo(pass *analysis.Pass, f *ast.File) *fileInfo {
	fi := &fileInfo{file: f, families: map[api.LogLibrary]bool{}, listed: flagBridges.matches(pass.Pkg.Path())}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		if lib := libraryOfImport(path); lib != "" {
			fi.families[lib] = true
		}
	}
	return fi
}

// addAssign records one-to-one assignments to variables, in source order,
// and what each assignment to a context variable gives it.
// startsLoopbackServer reports whether call starts, as a method, a
// server built as a loopback debug server: srv := &http.Server{Addr:
// "localhost:" + port}; srv.ListenAndServe().
func (u *usage) startsLoopbackServer(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if api.LoopbackDebugServer(info, sel.X) {
		return true
	}
	v := lint.IdentVar(info, sel.X)
	return v != nil && u.loopback[v]
}

func (u *usage) addAssign(info *types.Info, lhs, rhs []ast.Expr, stack []ast.Node) {
	for i, l := range lhs {
		if len(lhs) == len(rhs) {
			if v := lint.IdentVar(info, l); v != nil {
				if api.LoopbackDebugServer(info, rhs[i]) {
					if u.loopback == nil {
						u.loopback = map[*types.Var]bool{}
					}
					u.loopback[v] = true
				} else {
					delete(u.loopback, v) // reassigned: another server
				}
			}
		}
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && len(lhs) == len(rhs) {
			u.addFieldOrigin(info, sel, rhs[i]) // s.ctx = ctx
			continue
		}
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil {
			continue
		}
		var value ast.Expr
		if len(lhs) == len(rhs) {
			value = rhs[i]
		}
		u.noteZerologLocal(info, v, value)
		if len(rhs) == 0 {
			continue // var ctx context.Context: nil until assigned
		}
		if len(lhs) != len(rhs) {
			// ctx, cancel := context.WithTimeout(parent, d): the context
			// is the first result of a derivation.
			var e ast.Expr
			if i == 0 && len(rhs) == 1 {
				e = rhs[0]
			}
			u.addContextOrigin(info, v, e, id.Pos(), stack)
			continue
		}
		u.assigns = append(u.assigns, assignment{lhs: v, rhs: rhs[i]})
		u.addContextOrigin(info, v, rhs[i], id.Pos(), stack)
	}
}

// addCall records what a call is; it returns the log call, if it is one.
func (u *usage) addCall(pass *analysis.Pass, call *ast.CallExpr, stack []ast.Node, file *fileInfo, bootstrap, cli, backend bool) *logCall {
	info := pass.TypesInfo
	if id, ok := api.SpanContextIDOf(info, call); ok {
		u.spanIDCalls = true
		if fn := returnedBy(info, stack); fn != nil {
			u.idFuncs[fn] = id
		}
		return nil
	}
	fn := innermostFunc(stack)
	if lc, ok := api.LogCallOf(info, call); ok {
		c := &logCall{LogCall: lc, fn: fn, file: file, bootstrap: bootstrap, cliOutput: cli && lc.Library == api.LibFmt}
		if lc.ContextForm != "" && !lc.HasContext {
			c.funcs = lint.EnclosingFuncs(stack)
			c.stack = append([]ast.Node(nil), stack...)
		}
		u.calls = append(u.calls, c)
		u.addCallOperands(info, c, backend)
		return c
	}
	f, ok := api.LogFieldOf(info, call)
	if !ok {
		f, ok = api.LogContextFieldOf(info, call)
	}
	if ok {
		if f.Value != nil {
			u.fields = append(u.fields, fieldUse{at: call, lib: f.Library, key: f.Key, value: f.Value, file: file, fn: fn, backend: backend, into: derivedLoggerVar(info, stack, call)})
		}
		return nil
	}
	u.noteContextCarriers(info, call)
	if kv, ok := api.LogKeyValuesOf(info, call); ok {
		u.addKeyValues(info, kv.Args, 0, kv.Library, file, fn, backend)
		// A map of fields written in place: logrus.Fields literals are
		// recorded where they are written (see collect); zerolog's
		// Fields(map[string]any{...}) here.
		if lit, ok := ast.Unparen(kv.Map).(*ast.CompositeLit); ok && !api.IsLogFieldMap(api.TypeOf(info, lit)) {
			for _, elt := range lit.Elts {
				if e, ok := elt.(*ast.KeyValueExpr); ok {
					u.fields = append(u.fields, fieldUse{at: e, lib: kv.Library, key: e.Key, value: e.Value, file: file, fn: fn, backend: backend})
				}
			}
		}
		return nil
	}
	if lib, ok := api.LoggerConstructorOf(info, call); ok {
		if d, ok := hotConstruction(pass, call, lib, stack); ok {
			u.hot = append(u.hot, d)
		}
	}
	if file != nil && api.IsLogAdapter(info, call) {
		file.adapter = true
	}
	return nil
}

// returnedBy returns the declared function whose return statement
// contains the innermost node of stack (a helper such as
// func traceID(ctx context.Context) string), or nil.
func returnedBy(info *types.Info, stack []ast.Node) *types.Func {
	inReturn := false
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ReturnStmt:
			inReturn = true
		case *ast.FuncLit:
			return nil
		case *ast.FuncDecl:
			if !inReturn {
				return nil
			}
			fn, _ := info.Defs[n.Name].(*types.Func)
			return fn
		}
	}
	return nil
}

// addCallOperands records the operands of a log call that may copy a trace
// id: key/value pairs, and the message and its format operands.
func (u *usage) addCallOperands(info *types.Info, c *logCall, backend bool) {
	args := c.Call.Args
	end := len(args)
	if c.Fields >= 0 && c.Fields < end {
		end = c.Fields
		if c.KeyValues {
			u.addKeyValues(info, args, c.Fields, c.Library, c.file, c.fn, backend)
		}
	}
	start := c.Msg
	if start < 0 {
		start = 0
		if c.Library == api.LibFmt && strings.HasPrefix(c.Method, "Fprint") {
			start = 1
		}
	}
	for i := start; i < end && i < len(args); i++ {
		if api.IsContext(api.TypeOf(info, args[i])) {
			continue
		}
		u.fields = append(u.fields, fieldUse{at: args[i], lib: c.Library, value: args[i], inMsg: true, file: c.file, fn: c.fn, backend: backend})
	}
}

// addKeyValues records alternating key, value arguments from index first;
// a typed field (slog.Attr, zap.Field) stands alone.
func (u *usage) addKeyValues(info *types.Info, args []ast.Expr, first int, lib api.LogLibrary, file *fileInfo, fn ast.Node, backend bool) {
	for i := first; i < len(args); i++ {
		if api.IsLogFieldValue(api.TypeOf(info, args[i])) {
			continue
		}
		if i+1 >= len(args) {
			break
		}
		u.fields = append(u.fields, fieldUse{at: args[i+1], lib: lib, key: args[i], value: args[i+1], file: file, fn: fn, backend: backend})
		i++
	}
}

// followsLoggerConstructor reports whether the if statement checks the
// outcome of building a logger (its init, or the statement before it,
// assigns from a logger constructor): log.Fatal or fmt in its body is the
// fallback when the logger could not be built, not a second library.
func followsLoggerConstructor(info *types.Info, ifs *ast.IfStmt, stack []ast.Node) bool {
	return checksOutcomeOf(ifs, stack, func(s ast.Stmt) bool { return assignsLoggerConstructor(info, s) })
}

// noLoggerBranch returns the branch of an if statement that runs when a
// logger is nil — the body of if logger == nil, the else of if logger !=
// nil; a library's logger, a wrapper of one or the program's own logging
// interface (api.IsLoggerInterface) — where the code falls back to
// printing because there is no logger to use:
//
//	if entry := GetLogEntry(r); entry != nil {
//		entry.Panic(rvr, stack)
//	} else {
//		fmt.Fprintf(os.Stderr, "panic: %v\n", rvr)
//	}
func noLoggerBranch(info *types.Info, ifs *ast.IfStmt) ast.Node {
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL && cond.Op != token.NEQ {
		return nil
	}
	x, y := cond.X, cond.Y
	if api.IsNil(info, x) {
		x, y = y, x
	}
	if !api.IsNil(info, y) {
		return nil
	}
	if _, ok := api.LoggerOrWrapperOf(api.TypeOf(info, x)); !ok && !api.IsLoggerInterface(api.TypeOf(info, x)) {
		return nil
	}
	if cond.Op == token.EQL {
		return ifs.Body
	}
	if ifs.Else == nil {
		return nil
	}
	return ifs.Else
}

// checksOutcomeOf reports whether the if statement's init, or the
// statement right before it, satisfies assigns.
func checksOutcomeOf(ifs *ast.IfStmt, stack []ast.Node, assigns func(ast.Stmt) bool) bool {
	if ifs.Init != nil && assigns(ifs.Init) {
		return true
	}
	if len(stack) < 2 {
		return false
	}
	block, ok := stack[len(stack)-2].(*ast.BlockStmt)
	if !ok {
		return false
	}
	for i, s := range block.List {
		if s == ifs {
			return i > 0 && assigns(block.List[i-1])
		}
	}
	return false
}

// innermostFunc returns the innermost function declaration or literal of
// stack, or nil.
func innermostFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

func assignsLoggerConstructor(info *types.Info, s ast.Stmt) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	if _, ok := api.LoggerConstructorOf(info, call); ok {
		return true
	}
	// Any call returning a logger and an error: newLogger(cfg), zap.Must
	// wrappers, a platform package's constructor.
	tuple, ok := api.TypeOf(info, call).(*types.Tuple)
	if !ok {
		return false
	}
	for i := 0; i < tuple.Len(); i++ {
		if _, ok := api.LoggerTypeOf(tuple.At(i).Type()); ok {
			return true
		}
	}
	return false
}

// assignsLogger reports whether the assignment stores a logger value
// (logger, err := zap.NewProduction(); log := slog.New(h)).
func assignsLogger(info *types.Info, as *ast.AssignStmt) bool {
	for _, l := range as.Lhs {
		if lib, ok := api.LoggerTypeOf(api.TypeOf(info, l)); ok && lib != api.LibLog {
			return true
		}
	}
	return false
}

// flagUsageFunc returns the function literal assigned to flag.Usage or to
// a FlagSet's Usage field: fmt there prints command-line help.
func flagUsageFunc(info *types.Info, as *ast.AssignStmt) *ast.FuncLit {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	lit, ok := ast.Unparen(as.Rhs[0]).(*ast.FuncLit)
	if !ok {
		return nil
	}
	v, ok := api.ObjectOf(info, as.Lhs[0]).(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg().Path() != "flag" || v.Name() != "Usage" {
		return nil
	}
	return lit
}

// isProgramMain reports whether fd is the program's main: func main of a
// main package, or a command package's func Main() with neither parameters
// nor results, which a main delegates to (caddycmd.Main()).
func isProgramMain(pkg *types.Package, fd *ast.FuncDecl) bool {
	if fd.Recv != nil {
		return false
	}
	switch fd.Name.Name {
	case "main":
		return pkg.Name() == "main"
	case "Main":
		return fd.Type.Params.NumFields() == 0 && fd.Type.Results.NumFields() == 0
	}
	return false
}
