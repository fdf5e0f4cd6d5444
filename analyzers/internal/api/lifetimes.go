package api

// This file knows which calls run a function after they return, and which
// parameters mark a function serving one request: what the analyzers need
// to tell a component's lifetime from a request's.

import (
	"go/ast"
	"go/types"
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
