package callerroots

import (
	"context"
	"fmt"
	"time"
)

// Pool is a database connection pool.
type Pool struct{ dsn string }

func newPool(ctx context.Context, dsn string) (*Pool, error) { return &Pool{dsn: dsn}, ctx.Err() }

func (p *Pool) Ping(ctx context.Context) error { return ctx.Err() }

// OpenPools is the store's constructor: it starts the pools on a root of
// its own, so connectPools is only ever given an empty context, and so is
// the deadline it derives from it.
func OpenPools(writeDSN, readDSN string) (*Pool, *Pool, error) {
	return connectPools(context.Background(), writeDSN, readDSN)
}

func connectPools(ctx context.Context, writeDSN, readDSN string) (*Pool, *Pool, error) {
	initCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	w, err := newPool(initCtx, writeDSN)
	if err != nil {
		return nil, nil, fmt.Errorf("write pool: %w", err)
	}
	r, err := newPool(initCtx, readDSN)
	if err != nil {
		return nil, nil, fmt.Errorf("read pool: %w", err)
	}
	// Each ping gets its own short deadline within a minute of retries,
	// longer than initCtx allows: initCtx holds no trace to pass on.
	err = retryFor(time.Minute, func() error {
		pingCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := w.Ping(pingCtx); err != nil {
			return err
		}
		return r.Ping(pingCtx)
	})
	return w, r, err
}

func retryFor(budget time.Duration, op func() error) error {
	deadline := time.Now().Add(budget)
	for {
		err := op()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(time.Second)
	}
}
