// Package steps holds the steps of the reindex tool's run, in the tool's
// cmd tree. It imports no tracing package: every context it is given
// starts in the tool's main, so a fresh root here loses no trace.
package steps

import (
	"context"
	"fmt"
	"time"
)

type Index interface {
	Drop(ctx context.Context, name string) error
	Build(ctx context.Context, name string) error
}

// Rebuild drops and rebuilds each index; a drop gets its own deadline so a
// slow build cannot eat it.
func Rebuild(ctx context.Context, idx Index, names []string) error {
	for _, n := range names {
		dropCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := idx.Drop(dropCtx, n)
		cancel()
		if err != nil {
			return fmt.Errorf("drop %s: %w", n, err)
		}
		if err := idx.Build(ctx, n); err != nil {
			return fmt.Errorf("build %s: %w", n, err)
		}
	}
	return nil
}
