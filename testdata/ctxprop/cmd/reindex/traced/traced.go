// Package traced is the reindex service's request path, also in the cmd
// tree, but it starts spans: a fresh root there cuts the trace.
package traced

import (
	"context"

	"go.opentelemetry.io/otel"
)

type Index interface {
	Build(ctx context.Context, name string) error
}

func Reindex(ctx context.Context, idx Index, name string) error {
	ctx, span := otel.Tracer("reindex").Start(ctx, "Reindex")
	defer span.End()
	if err := idx.Build(ctx, name); err != nil {
		return err
	}
	return idx.Build(context.Background(), name+"_shadow") // want `use ctx \(parameter of Reindex\) instead of context\.Background\(\) \(ctxprop/background\)`
}
