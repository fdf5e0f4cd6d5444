package ctxprop

import (
	_ "embed" // for the rule documentation in doc.go
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer is the ctxprop rule.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxprop",
	Doc:      lint.MustExtractDoc(doc, "ctxprop"),
	URL:      "https://github.com/otellint/otellint#ctxprop",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lint.IgnoreAnalyzer},
	Run:      run,
}

// The checks.
const (
	checkBackground = "background" // context.Background()/TODO() where a context is reachable
	checkLoop       = "loop"       // a fresh root context on every loop iteration
	checkGoroutine  = "goroutine"  // a goroutine started from a fresh root context
	checkCtxless    = "ctxless"    // a listed or configured context-less call
	checkConvention = "convention" // F where the types prove an FContext twin
)

var (
	checks       = lint.NewChecks([]string{checkBackground, checkLoop, checkGoroutine, checkCtxless, checkConvention})
	includeTests = false
)

func run(pass *analysis.Pass) (any, error) {
	if lint.AllGenerated(pass) {
		return nil, nil // every finding would be silenced
	}
	if !api.ImportsAny(pass.Pkg, "context", "net/http") && len(api.ContextCarriers()) == 0 {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &collector{
		pass:        pass,
		shutdown:    map[*types.Var]bool{},
		rebound:     map[*types.Var]bool{},
		pure:        map[*types.Var]bool{},
		derivedFrom: map[*types.Var]*types.Var{},
		stored:      map[*types.Var]bool{},
		unset:       map[*types.Var]bool{},
		setAt:       map[*types.Var]token.Pos{},
		kinds:       map[*types.Func]calleeKind{},
		ctxImport:   map[*ast.File]string{},
		parentOf:    map[*types.Var]*types.Var{},
		cancels:     map[*types.Var]*types.Var{},
		links:       map[linkKey]bool{},
		comments:    map[*ast.File]*fileComments{},

		calledAt:   map[*ast.Ident]bool{},
		callerArgs: map[*types.Var][]callerArg{},
		params:     map[*types.Var]*types.Func{},
		reassigned: map[*types.Var]bool{},
		kept:       map[*types.Var]bool{},
		goStarted:  map[*types.Func]bool{},
		calledSync: map[*types.Func]bool{},
		ctorLits:   map[*ast.FuncLit]bool{},
		ctorVars:   map[*types.Var]bool{},
		ctorFuncs:  map[*types.Func]bool{},

		untraced:    isUntracedCommand(pass.Pkg),
		testSupport: api.IsTestSupportPackage(pass.Pkg),
	}
	ins.WithStack([]ast.Node{(*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}, c.visit)
	r := lint.NewReporter(pass, "ctxprop", checks)
	for _, f := range c.findings {
		if c.shutdown[f.flowsTo] || c.stored[f.flowsTo] || c.reboundLater(f.request) || c.cancelledByHand(f.decl, f.cancel, f.flowsTo, f.src) || c.emptyFromCallers(f.src) || c.onlyGoStarted(f.tick) || c.keptByConstructor(f.keeper) || c.onlySignal(f.decl, f.flowsTo) {
			continue
		}
		r.Report(f.check, f.diag)
	}
	return nil, nil
}

// finding is a diagnostic whose fate depends on the rest of the package
// walk: it is dropped when its fresh context flows into a shutdown call,
// a component's start or is stored in a component, when its cancel function
// is managed by hand, or when the request or command it builds is given a
// context afterwards.
type finding struct {
	check   string
	diag    analysis.Diagnostic
	flowsTo *types.Var    // the variable the fresh context (or one derived from it) is stored in
	request *types.Var    // the variable an http.NewRequest or exec.Command result is stored in
	cancel  *types.Var    // the cancel function assigned beside flowsTo
	src     *types.Var    // the context at hand
	keeper  ctorKeeper    // what may keep the code for a component (see constructors.go)
	decl    *ast.FuncDecl // the function declaration the fresh context is in
	tick    *types.Func   // the function whose ticker loop the fresh context is in (see inTickCase)
}

type collector struct {
	pass        *analysis.Pass
	shutdown    map[*types.Var]bool       // contexts passed to Shutdown-like calls
	rebound     map[*types.Var]bool       // requests given a context by WithContext or Clone
	pure        map[*types.Var]bool       // locals holding a fresh root and nothing else
	derivedFrom map[*types.Var]*types.Var // context locals declared from another: initCtx from ctx
	stored      map[*types.Var]bool       // context locals kept in a struct field or package variable
	unset       map[*types.Var]bool       // context locals declared without a value (var ctx context.Context)
	setAt       map[*types.Var]token.Pos  // the first assignment to an unset local
	kinds       map[*types.Func]calleeKind
	decls       map[*types.Func]*ast.FuncDecl // this package's functions, indexed on first use
	ctxImport   map[*ast.File]string
	findings    []finding

	parentOf map[*types.Var]*types.Var // a context local and the context it derives from
	cancels  map[*types.Var]*types.Var // a cancel function and the context it cancels
	links    map[linkKey]bool          // whether a function links the trace of a context explicitly
	comments map[*ast.File]*fileComments

	calledAt    map[*ast.Ident]bool        // functions named in call position
	callerArgs  map[*types.Var][]callerArg // what the package's calls pass for a context parameter
	params      map[*types.Var]*types.Func // a context parameter and its function
	reassigned  map[*types.Var]bool        // context variables assigned after their declaration
	emptyParam  map[*types.Var]bool        // solved once the walk is done
	kept        map[*types.Var]bool        // function parameters kept to run later (see callbacks.go)
	goStarted   map[*types.Func]bool       // functions called in a go statement
	calledSync  map[*types.Func]bool       // functions called outside a go statement
	usedAsValue map[*types.Func]bool       // solved once the walk is done
	// function literals, locals holding one, and functions handed to
	// another package's constructor (see constructors.go)
	ctorLits  map[*ast.FuncLit]bool
	ctorVars  map[*types.Var]bool
	ctorFuncs map[*types.Func]bool
	// requestFields are the fields each unsent request local is stored in
	requestFields map[*types.Var][]*types.Var
	exits         map[*types.Func]bool // functions of this package that call os.Exit (see exitsProcess)
	flow          *lint.Flow           // calls that never return, built on first use (see leavesBlock)
	// untraced is set in a command-line tool that never traces, and
	// testSupport in a test-support package: their non-test files are
	// not checked.
	untraced, testSupport bool
}

func (c *collector) visit(n ast.Node, push bool, stack []ast.Node) bool {
	if !push {
		return true
	}
	switch n := n.(type) {
	case *ast.File:
		if lint.IsGenerated(n) {
			return false
		}
		if lint.IsTestFile(c.pass, n.Pos()) {
			return includeTests
		}
		return !c.untraced && !c.testSupport
	case *ast.FuncDecl:
		c.noteParams(n)
		return !isRootFunc(c.pass, n) && !c.isTestHelper(n.Type)
	case *ast.FuncLit:
		return !c.isTestHelper(n.Type)
	case *ast.AssignStmt:
		c.notePureRoots(n.Lhs, n.Rhs)
		c.noteDerivations(n.Lhs, n.Rhs)
		c.noteSet(n, stack)
		c.noteStoredContexts(n)
		c.noteReassigned(n) // ctx = ..., and ctx, span := tracer.Start(ctx, ...) reusing ctx
		c.noteRequestFields(n)
	case *ast.CompositeLit:
		if literalKept(stack) {
			c.noteStoredContexts(n)
		}
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			names[i] = id
		}
		c.notePureRoots(names, n.Values)
		c.noteDerivations(names, n.Values)
		c.noteUnset(n)
	case *ast.CallExpr:
		fn := api.Callee(c.pass.TypesInfo, n)
		c.noteShutdownArgs(n)
		c.noteRetainedArgs(n)
		c.noteReboundRequest(n, fn)
		c.noteCallerArgs(n, fn)
		c.noteGoStarts(n, fn, stack)
		c.noteConstructorArgs(n, fn)
		switch c.kindOf(fn) {
		case calleeFresh:
			c.freshContext(n, "context."+fn.Name()+"()", stack)
		case calleeFreshWrapper:
			c.freshContext(n, fn.Name()+"() (which returns a fresh root context)", stack)
		case calleeListed, calleeMayTwin:
			c.contextlessCall(n, stack)
		}
	}
	return true
}

// calleeKind classifies a called function, once per package.
type calleeKind uint8

const (
	calleeOther        calleeKind = iota
	calleeFresh                   // context.Background, context.TODO
	calleeListed                  // in the context-less table or -ctxprop.pairs
	calleeMayTwin                 // an F with an FContext beside it (proven per call)
	calleeFreshWrapper            // a same-package func() context.Context returning only fresh roots
)

func (c *collector) kindOf(fn *types.Func) calleeKind {
	if fn == nil {
		return calleeOther
	}
	if k, ok := c.kinds[fn]; ok {
		return k
	}
	k := calleeOther
	switch name := api.FullName(fn); {
	case name == "context.Background" || name == "context.TODO":
		k = calleeFresh
	case api.CtxlessListed(name):
		k = calleeListed
	case checks.Enabled(checkConvention) && api.DeclaresCtxTwin(fn):
		k = calleeMayTwin
	case c.isFreshWrapper(fn):
		k = calleeFreshWrapper
	}
	c.kinds[fn] = k
	return k
}

// parentCall returns the call whose argument the top of stack is, looking
// through parentheses.
func parentCall(stack []ast.Node) (*ast.CallExpr, bool) {
	child := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			return p, lint.ArgIndex(p, child) >= 0
		}
		return nil, false
	}
	return nil, false
}
