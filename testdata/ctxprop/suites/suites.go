// Package suites is a datastore with its benchmarks shipped beside it in
// a non-test file (so that other datastores can run them). Functions
// taking a *testing.T or *testing.B are test code wherever they live; the
// datastore's own functions are checked.
package suites

import (
	"context"
	"testing"
)

type Datastore interface {
	Write(ctx context.Context, key, value string) error
	Read(ctx context.Context, key string) (string, error)
}

// BenchmarkWrite is shared by every datastore's benchmarks.
func BenchmarkWrite(b *testing.B, ds Datastore, ctx context.Context) {
	for i := 0; i < b.N; i++ {
		if err := ds.Write(context.Background(), "k", "v"); err != nil {
			b.Fatal(err)
		}
	}
	_ = ctx
}

// Suite returns a test over ds.
func Suite(ds Datastore, ctx context.Context) func(t *testing.T) {
	return func(t *testing.T) {
		if _, err := ds.Read(context.Background(), "k"); err != nil {
			t.Fatal(err)
		}
	}
}

// Copy is the datastore's own code: reported.
func Copy(ctx context.Context, from, to Datastore, key string) error {
	v, err := from.Read(context.Background(), key) // want `use ctx \(parameter of Copy\) instead of context\.Background\(\) \(ctxprop/background\)`
	if err != nil {
		return err
	}
	return to.Write(ctx, key, v)
}
