package testsoff

import (
	"context"
	"testing"
)

func runHelper(ctx context.Context, t *testing.T) {
	if err := Run(context.Background(), func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) { runHelper(t.Context(), t) }
