package shutdown

import (
	"context"
	"net/http"
	"os"
	"sync/atomic"
)

var exiting atomic.Bool

// Module is a part the process runs.
type Module interface {
	Stop(ctx context.Context) error
	Reload(ctx context.Context) error
}

// Admin serves the process's admin API.
type Admin struct {
	apps   []Module
	onExit []func(context.Context)
}

// handleStop asks the whole process to exit. Stopping the apps and the
// exit callbacks must run to the end, whatever becomes of the request.
func (a *Admin) handleStop(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	a.exitProcess(context.Background())
	w.WriteHeader(http.StatusAccepted)
}

// exitProcess stops the apps, runs the exit callbacks and exits once the
// admin request has been answered.
func (a *Admin) exitProcess(ctx context.Context) {
	if !exiting.CompareAndSwap(false, true) {
		return
	}
	code := 0
	for _, app := range a.apps {
		if err := app.Stop(ctx); err != nil {
			code = 1
		}
	}
	for _, f := range a.onExit {
		f(ctx)
	}
	go func() {
		os.Exit(code)
	}()
}

// handleReload reloads the apps for the request: the reload is the
// request's work.
func (a *Admin) handleReload(w http.ResponseWriter, r *http.Request) {
	if err := a.reload(context.Background()); err != nil { // want `^use r\.Context\(\) \(request of handleReload\) instead of context\.Background\(\) \(ctxprop/background\)$`
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (a *Admin) reload(ctx context.Context) error {
	for _, app := range a.apps {
		if err := app.Reload(ctx); err != nil {
			return err
		}
	}
	return nil
}
