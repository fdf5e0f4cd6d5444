package teardown

import (
	"context"
	"time"
)

// partitionStore keeps which worker owns which partition.
type partitionStore interface {
	Claim(ctx context.Context, worker string) error
	Release(ctx context.Context, worker string) error
	Rebalance(ctx context.Context) error
}

// StartPartition claims a partition for this worker and hands back the
// function that gives it up at shutdown. That function runs long after
// ctx, the start-up context, is over: it starts from a fresh root.
func StartPartition(ctx context.Context, store partitionStore, worker string) (func() error, error) {
	if err := store.Claim(ctx, worker); err != nil {
		return nil, err
	}
	release := func() error {
		releaseCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := store.Release(releaseCtx, worker); err != nil {
			return err
		}
		return store.Rebalance(releaseCtx)
	}
	return release, nil
}

// StopFunc returns its stop function directly.
func StopFunc(ctx context.Context, store partitionStore, worker string) func() error {
	return func() error {
		stopCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return store.Release(stopCtx, worker)
	}
}

// Migrate holds a connection with a session setting and resets it before
// the connection goes back to the pool, even when ctx is already done.
func Migrate(ctx context.Context, pool connPool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	releaseConn := func() {
		resetCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = conn.Exec(resetCtx, "SET lock_timeout = 0")
		conn.Release()
	}
	defer releaseConn()
	if err := conn.Exec(ctx, "SET lock_timeout = '5s'"); err != nil {
		return err
	}
	return conn.Exec(ctx, "ALTER TABLE tasks ADD COLUMN retries int")
}

type conn interface {
	Exec(ctx context.Context, sql string) error
	Release()
}

type connPool interface {
	Acquire(ctx context.Context) (conn, error)
}

// Rebalance runs its helper at once: the helper is part of this call, and
// its fresh root drops ctx's trace.
func Rebalance(ctx context.Context, store partitionStore) error {
	run := func() error {
		return store.Rebalance(context.Background()) // want `use ctx \(parameter of Rebalance\) instead of context.Background\(\) \(ctxprop/background\)`
	}
	return run()
}

// Detach resets the connection's setting on each way out: after a failed
// statement ctx may be the very reason it failed, so the reset needs a
// root of its own.
func Detach(ctx context.Context, pool connPool, partitions []string) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	releaseConn := func() {
		resetCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = conn.Exec(resetCtx, "SET lock_timeout = 0")
		conn.Release()
	}
	if err := conn.Exec(ctx, "SET lock_timeout = '1min'"); err != nil {
		releaseConn()
		return err
	}
	for _, p := range partitions {
		if err := conn.Exec(ctx, "ALTER TABLE tasks DETACH PARTITION "+p); err != nil {
			releaseConn()
			return err
		}
	}
	releaseConn()
	return nil
}
