package consumers

import (
	"context"
	"log"
)

// Action is work the scheduler assigns to this worker.
type Action struct {
	ID   string
	Kind string
}

type Listener interface {
	Actions(ctx context.Context) (<-chan *Action, <-chan error, error)
}

type Runner interface {
	Run(ctx context.Context, a *Action) error
}

// Listen runs every assigned action on a root of its own: an action is a
// unit of work the scheduler sent, not part of the worker's start-up, and
// listenCtx is only how long the subscription lasts.
func Listen(ctx context.Context, l Listener, r Runner) error {
	listenCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	actions, errs, err := l.Actions(listenCtx)
	if err != nil {
		return err
	}
	for {
		select {
		case <-listenCtx.Done():
			return listenCtx.Err()
		case err := <-errs:
			return err
		case a, ok := <-actions:
			if !ok {
				return nil
			}
			go func() {
				if err := r.Run(context.Background(), a); err != nil {
					log.Printf("action %s failed: %v", a.ID, err)
				}
			}()
		}
	}
}

// Drain ranges over a subscription the same way.
func Drain(ctx context.Context, l Listener, r Runner) {
	actions, _, err := l.Actions(ctx)
	if err != nil {
		return
	}
	for a := range actions {
		_ = r.Run(context.Background(), a)
	}
}

// RunAll fans the caller's own actions out over a channel it makes: they
// are part of the caller's request, and its trace is lost.
func RunAll(ctx context.Context, r Runner, all []*Action) {
	work := make(chan *Action)
	go func() {
		defer close(work)
		for _, a := range all {
			work <- a
		}
	}()
	for a := range work {
		_ = r.Run(context.Background(), a) // want `context\.Background\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of RunAll\) or a context derived from it \(ctxprop/loop\)`
	}
}
