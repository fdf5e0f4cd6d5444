package api

// This file knows which calls run a function after they return, which
// parameters mark a function serving one request, which function literals
// an application framework runs as it starts or stops, and which calls
// build a server: what the analyzers need to tell a component's lifetime
// and its set-up from a request's.

import (
	"go/ast"
	"go/types"
	"slices"
)

// deferredFuncs are the calls that run a function argument later, on a
// goroutine of their own, after the call returns: a timer's callback, a
// scheduler's job. The value is the index of the function argument.
var deferredFuncs = map[string]int{
	"time.AfterFunc":                             1,
	"github.com/go-co-op/gocron/v2.NewTask":      0,
	"(*github.com/go-co-op/gocron.Scheduler).Do": 0,
	"(*github.com/robfig/cron/v3.Cron).AddFunc":  1,
	"(*github.com/robfig/cron.Cron).AddFunc":     1,
}

// DeferredFuncArg returns the index of the argument of call that is a
// function run later on a goroutine of its own (time.AfterFunc's f, a
// gocron task, a cron job), or -1.
func DeferredFuncArg(info *types.Info, call *ast.CallExpr) int {
	if i, ok := deferredFuncs[CalleeName(info, call)]; ok && i < len(call.Args) {
		return i
	}
	return -1
}

// requestScopedTypes are the parameter types of a function that serves one
// request or one stream: it runs until that request ends, and a context
// parameter beside them is the request's.
var requestScopedTypes = []struct{ path, name string }{
	{"net/http", "Request"},
	{"net/http", "ResponseWriter"},
	{"connectrpc.com/connect", "Request"},
	{"connectrpc.com/connect", "ServerStream"},
	{"connectrpc.com/connect", "ClientStream"},
	{"connectrpc.com/connect", "BidiStream"},
}

// ServesOneRequest reports whether sig takes a request or a stream it
// serves: an *http.Request or http.ResponseWriter, a connect request or
// stream, or a gRPC stream (a type with SendMsg, RecvMsg and Context, as
// the generated stream interfaces have).
func ServesOneRequest(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		for _, rt := range requestScopedTypes {
			if IsNamed(t, rt.path, rt.name) {
				return true
			}
		}
		if isRPCStream(t) {
			return true
		}
	}
	return false
}

func isRPCStream(t types.Type) bool {
	mset := types.NewMethodSet(t)
	return mset.Lookup(nil, "SendMsg") != nil && mset.Lookup(nil, "RecvMsg") != nil && mset.Lookup(nil, "Context") != nil
}

// lifecycleHooks register a function an application framework runs when
// the application starts or stops: go.uber.org/fx's hook constructors.
// lifecycleHookFields are the fields of a hook struct holding such a
// function (fx.Hook{OnStart: ..., OnStop: ...}).
var (
	lifecycleHooks = map[string]bool{
		"go.uber.org/fx.StartHook":     true,
		"go.uber.org/fx.StopHook":      true,
		"go.uber.org/fx.StartStopHook": true,
	}
	lifecycleHookFields = map[string]map[string]bool{
		"go.uber.org/fx.Hook": {"OnStart": true, "OnStop": true},
	}
)

// IsLifecycleHook reports whether lit, with parent and grandparent its
// enclosing nodes, is a start or stop hook of an application framework
// (fx.StartHook(func(ctx context.Context) error {...}), fx.Hook{OnStart:
// ...}): the framework calls it once, as the application starts or stops,
// with a context that bounds the start or the stop, never a request's.
func IsLifecycleHook(info *types.Info, lit *ast.FuncLit, parent, grandparent ast.Node) bool {
	switch p := parent.(type) {
	case *ast.CallExpr:
		return lifecycleHooks[CalleeName(info, p)] && slices.Contains(p.Args, ast.Expr(lit))
	case *ast.KeyValueExpr:
		cl, ok := grandparent.(*ast.CompositeLit)
		key, isIdent := p.Key.(*ast.Ident)
		if !ok || !isIdent || p.Value != ast.Expr(lit) {
			return false
		}
		named, _ := types.Unalias(TypeOf(info, cl)).(*types.Named)
		if named == nil || named.Obj().Pkg() == nil {
			return false
		}
		return lifecycleHookFields[named.Obj().Pkg().Path()+"."+named.Obj().Name()][key.Name]
	}
	return false
}

// serverBuilders make the server or router a program serves requests with.
var serverBuilders = map[string]bool{
	"google.golang.org/grpc.NewServer":                              true,
	"net/http.NewServeMux":                                          true,
	"github.com/labstack/echo/v4.New":                               true,
	"github.com/gin-gonic/gin.New":                                  true,
	"github.com/gin-gonic/gin.Default":                              true,
	"github.com/gofiber/fiber/v2.New":                               true,
	"github.com/go-chi/chi/v5.NewRouter":                            true,
	"github.com/gorilla/mux.NewRouter":                              true,
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime.NewServeMux": true,
}

// BuildsServer reports whether n is the making of a server or router that
// serves requests: grpc.NewServer(), a gRPC server option
// (grpc.ChainUnaryInterceptor(...), grpc.StatsHandler(...)),
// http.NewServeMux(), an http.Server literal, a web framework's router, or
// a server start (StartsServing). A
// program builds those once, at start-up: the function doing so is set-up
// code, whatever context it takes.
func BuildsServer(info *types.Info, n ast.Node) bool {
	switch x := n.(type) {
	case *ast.CallExpr:
		return serverBuilders[CalleeName(info, x)] || StartsServing(info, x) ||
			IsNamed(TypeOf(info, x), "google.golang.org/grpc", "ServerOption")
	case *ast.CompositeLit:
		return IsNamed(TypeOf(info, x), "net/http", "Server")
	}
	return false
}
