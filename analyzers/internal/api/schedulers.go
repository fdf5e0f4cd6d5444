package api

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
