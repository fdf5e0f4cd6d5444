// Package detached consumes a partition and commits offsets. Some of its
// fresh root contexts are deliberate: the parent is already cancelled, the
// work must finish after it, or a comment says why. Those are not reported;
// the fresh roots nobody explained are.
package detached

import (
	"context"
	"errors"
	"time"
)

type Committer interface {
	Commit(ctx context.Context, offset int64) error
}

type Reader struct {
	c        Committer
	interval time.Duration
	offset   int64
}

// commitLoop commits periodically and once more on shutdown: in
// case <-ctx.Done(): ctx is cancelled, a fresh deadline is the only way
// to make the final commit.
func (r *Reader) commitLoop(ctx context.Context) {
	t := time.NewTicker(r.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			func() {
				fctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				_ = r.c.Commit(fctx, r.offset)
			}()
			return
		case <-t.C:
			_ = r.c.Commit(ctx, r.offset)
		}
	}
}

// commitLoopLeaky commits on every tick from a fresh root: shutdown and
// the trace do not reach the commit.
func (r *Reader) commitLoopLeaky(ctx context.Context) {
	t := time.NewTicker(r.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = r.c.Commit(context.Background(), r.offset) // want `context\.Background\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of commitLoopLeaky\) or a context derived from it \(ctxprop/loop\)`
		}
	}
}

// Stop waits for the run context to end, then commits what is left.
func (r *Reader) Stop(ctx context.Context) error {
	<-ctx.Done()
	fctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.c.Commit(fctx, r.offset)
}

// Flush cancels its own work context, then commits under a fresh one.
func (r *Reader) Flush(parent context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	err := work(ctx)
	cancel()
	fctx, fcancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer fcancel()
	return errors.Join(err, r.c.Commit(fctx, r.offset))
}

// Abort commits under a fresh root once it knows ctx is cancelled.
func (r *Reader) Abort(ctx context.Context) error {
	if ctx.Err() != nil {
		return r.c.Commit(context.Background(), r.offset)
	}
	return r.c.Commit(ctx, r.offset)
}

// Consume detaches every cycle on purpose, as its comment says.
func (r *Reader) Consume(ctx context.Context, cycle func(context.Context) error) error {
	for ctx.Err() == nil {
		// Create a detached context for the cycle: when the parent is
		// cancelled we still finish the current cycle and commit it.
		cctx, cancel := context.WithCancel(context.Background())
		err := cycle(cctx)
		cancel()
		if err != nil {
			return err
		}
	}
	return nil
}

// Mark says so at the end of the line.
func (r *Reader) Mark(ctx context.Context) error {
	return r.c.Commit(context.Background(), r.offset) //nolint:contextcheck // must survive the caller's cancellation
}

// Seek has a comment above that is about something else: reported.
func (r *Reader) Seek(ctx context.Context, offset int64) error {
	// Remember where we are before committing.
	r.offset = offset
	// Commit the new position.
	return r.c.Commit(context.Background(), offset) // want `use ctx \(parameter of Seek\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// Rewind's comment admits the gap: a TODO is no reason, it is reported.
func (r *Reader) Rewind(ctx context.Context) error {
	// TODO: use a context detached from ctx here.
	return r.c.Commit(context.Background(), 0) // want `use ctx \(parameter of Rewind\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// Pool runs workers until ctx ends, then shuts them down in order: the
// workers' root is cancelled by hand only after ctx is done, so that
// in-flight jobs finish.
func Pool(ctx context.Context, jobs <-chan func(context.Context)) {
	workCtx, workCancel := context.WithCancel(context.Background())
	defer workCancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for j := range jobs {
			j(workCtx)
		}
	}()
	<-ctx.Done()
	workCancel()
	<-done
}

// Graceful returns a context that outlives ctx by a grace period: the
// fresh root is cancelled by hand once ctx is done and the grace is over.
func Graceful(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	jobs, cancel := context.WithCancel(context.Background())
	go func() {
		<-ctx.Done()
		timer, stop := context.WithTimeout(context.Background(), grace)
		defer stop()
		select {
		case <-timer.Done():
			cancel()
		case <-jobs.Done():
		}
	}()
	return jobs, cancel
}

// Actors hands the cancel function to a run group's interrupt: the
// actor's lifetime is managed by hand.
func Actors(ctx context.Context, add func(run func() error, interrupt func(error)), loop func(context.Context)) {
	actx, cancel := context.WithCancel(context.Background())
	add(func() error { loop(actx); return nil }, func(error) { cancel() })
	_ = ctx
}

// Timed cancels its fresh root itself when the work is done: an ordinary
// call that lost its trace.
func (r *Reader) Timed(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `use ctx \(parameter of Timed\) instead of context\.Background\(\), or context\.WithoutCancel\(ctx\) if the work must outlive it \(ctxprop/background\)`
	err := r.c.Commit(tctx, r.offset)
	cancel()
	return err
}

// Deferred cancels in a deferred closure: still within its own scope, so
// reported.
func (r *Reader) Deferred(ctx context.Context) error {
	dctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `use ctx \(parameter of Deferred\) instead of context\.Background\(\), or context\.WithoutCancel\(ctx\) if the work must outlive it \(ctxprop/background\)`
	defer func() { cancel() }()
	return r.c.Commit(dctx, r.offset)
}
