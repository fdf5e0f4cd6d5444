package teardown

import (
	"context"
	"testing"
	"time"

	"otellint.test/ctxprop/teardown/services"
)

// startIngester starts the lifecycler for a test and stops it in the
// test's clean-up, when the test's context is already cancelled.
func startIngester(ctx context.Context, t *testing.T) *Ingester {
	i := &Ingester{lifecycler: &Lifecycler{}}
	if err := services.StartAndAwaitRunning(ctx, i.lifecycler); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = services.StopAndAwaitTerminated(sctx, i.lifecycler)
	})
	return i
}

func TestStarting(t *testing.T) {
	i := startIngester(t.Context(), t)
	_ = i.stopping(t.Context())
}
