// Package labeled is a batch importer whose labeled break and continue
// statements jump past End.
package labeled

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("importer")

type Record struct {
	ID    string
	Valid bool
}

func store(ctx context.Context, r Record) error { return nil }

// ImportGroups breaks out of the outer loop from the inner one, past End.
func ImportGroups(ctx context.Context, groups [][]Record) {
outer:
	for _, g := range groups {
		ctx, span := tracer.Start(ctx, "group") // want `span "group" started here in a loop is not ended on the path that reaches the end of the function at line 33; call span.End\(\) at the end of the iteration \(a deferred End would run only when the function returns\) \(spanend/not-ended\)`
		for _, r := range g {
			if !r.Valid {
				break outer
			}
			_ = store(ctx, r)
		}
		span.End()
	}
}

// ImportGroupsContinue continues the outer loop from the inner one, past End.
func ImportGroupsContinue(ctx context.Context, groups [][]Record) {
outer:
	for _, g := range groups {
		ctx, span := tracer.Start(ctx, "group") // want `span "group" started here in a loop is not ended before the next iteration starts another; call span.End\(\) before the iteration ends \(spanend/not-ended\)`
		for _, r := range g {
			if !r.Valid {
				continue outer
			}
			_ = store(ctx, r)
		}
		span.End()
	}
}

// ImportGroupsEnded ends the group span before leaving it early.
func ImportGroupsEnded(ctx context.Context, groups [][]Record) {
outer:
	for _, g := range groups {
		ctx, span := tracer.Start(ctx, "group")
		for _, r := range g {
			if !r.Valid {
				span.End()
				continue outer
			}
			_ = store(ctx, r)
		}
		span.End()
	}
}
