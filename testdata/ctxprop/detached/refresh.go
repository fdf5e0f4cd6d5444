package detached

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
)

var appTracer = otel.Tracer("controller")

// Apps is the API of the applications the controller reconciles.
type Apps interface {
	Get(ctx context.Context, name string) (map[string]string, error)
	Patch(ctx context.Context, name string, annotations map[string]string) error
}

// Controller refreshes applications on request.
type Controller struct {
	apps Apps
}

// clearRefresh removes an application's refresh annotation. The hydrator
// calls it without a context (it has no tracing yet), so ctx may be nil:
// only the span uses it, inside the check.
func (c *Controller) clearRefresh(ctx context.Context, name string) (time.Duration, error) {
	if ctx != nil {
		_, span := appTracer.Start(ctx, "controller.clearRefresh")
		defer span.End()
	}
	start := time.Now()
	ann, err := c.apps.Get(context.Background(), name)
	if err != nil {
		return 0, err
	}
	delete(ann, "refresh")
	err = c.apps.Patch(context.Background(), name, ann)
	return time.Since(start), err
}

// Hydrate refreshes what the hydrator produced.
func (c *Controller) Hydrate(name string) error {
	_, err := c.clearRefresh(nil, name)
	return err
}

// Refresh is the reconcile path: it has a context, and checks it first.
func (c *Controller) Refresh(ctx context.Context, name string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if _, err := c.clearRefresh(ctx, name); err != nil {
		return err
	}
	_, err := c.apps.Get(context.Background(), name) // want `use ctx \(parameter of Refresh\) instead of context\.Background\(\)`
	return err
}
