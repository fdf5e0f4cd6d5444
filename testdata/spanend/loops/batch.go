// Package loops is a batch importer whose loops start spans per item, break
// and continue past End, or defer End inside the loop.
package loops

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

var tracer = otel.Tracer("importer")

type Record struct {
	ID    string
	Valid bool
}

var errBad = errors.New("bad record")

func store(ctx context.Context, r Record) error { return nil }

// ImportAll starts a span per record and never ends it in the iteration.
func ImportAll(ctx context.Context, rs []Record) {
	for _, r := range rs {
		ctx, span := tracer.Start(ctx, "import") // want `span "import" started here in a loop is not ended before the next iteration starts another; call span.End\(\) before the iteration ends \(spanend/not-ended\)`
		span.SetAttributes(attribute.String("record.id", r.ID))
		_ = store(ctx, r)
	}
}

// ImportAllEnded ends each record's span at the end of the iteration.
func ImportAllEnded(ctx context.Context, rs []Record) {
	for _, r := range rs {
		ctx, span := tracer.Start(ctx, "import")
		_ = store(ctx, r)
		span.End()
	}
}

// ImportSkipping skips invalid records without ending their span.
func ImportSkipping(ctx context.Context, rs []Record) {
	for _, r := range rs {
		ctx, span := tracer.Start(ctx, "import") // want `span "import" started here in a loop is not ended before the next iteration starts another; call span.End\(\) before the iteration ends \(spanend/not-ended\)`
		if !r.Valid {
			continue
		}
		_ = store(ctx, r)
		span.End()
	}
}

// ImportSkippingEnded ends the span before continue.
func ImportSkippingEnded(ctx context.Context, rs []Record) {
	for _, r := range rs {
		ctx, span := tracer.Start(ctx, "import")
		if !r.Valid {
			span.End()
			continue
		}
		_ = store(ctx, r)
		span.End()
	}
}

// ImportUntilError returns out of the loop before End.
func ImportUntilError(ctx context.Context, rs []Record) error {
	ctx, span := tracer.Start(ctx, "ImportUntilError") // want `span "ImportUntilError" started here is not ended on the path through the return at line 72; add defer span.End\(\) \(spanend/not-ended\)`
	for _, r := range rs {
		if err := store(ctx, r); err != nil {
			return err
		}
	}
	span.End()
	return nil
}

// ImportUntilErrorBreaks breaks out of the loop and ends after it.
func ImportUntilErrorBreaks(ctx context.Context, rs []Record) error {
	ctx, span := tracer.Start(ctx, "ImportUntilError")
	var err error
	for _, r := range rs {
		if err = store(ctx, r); err != nil {
			break
		}
	}
	span.End()
	return err
}

// ImportDeferred defers End inside the loop body.
func ImportDeferred(ctx context.Context, rs []Record) {
	for _, r := range rs {
		ctx, span := tracer.Start(ctx, "import")
		defer span.End() // want `defer span.End\(\) in a loop body runs only when the function returns, so every iteration's span stays open until then; call span.End\(\) at the end of the iteration or move the loop body into a function \(spanend/defer-in-loop\)`
		_ = store(ctx, r)
	}
}

// ImportDeferredClosure defers a closure ending the span inside the loop.
func ImportDeferredClosure(ctx context.Context, rs []Record) {
	for i := 0; i < len(rs); i++ {
		ctx, span := tracer.Start(ctx, "import")
		defer func() { span.End() }() // want `deferred call in a loop body ends a span only when the function returns, so every iteration's span stays open until then; end the span at the end of the iteration or move the loop body into a function \(spanend/defer-in-loop\)`
		_ = store(ctx, rs[i])
	}
}

// ImportPerItemFunc moves the loop body into a function literal, so the
// defer runs at the end of each iteration.
func ImportPerItemFunc(ctx context.Context, rs []Record) {
	for _, r := range rs {
		func() {
			ctx, span := tracer.Start(ctx, "import")
			defer span.End()
			_ = store(ctx, r)
		}()
	}
}

// importOne is the loop body as a function: defer is fine here.
func importOne(ctx context.Context, r Record) error {
	ctx, span := tracer.Start(ctx, "import")
	defer span.End()
	return store(ctx, r)
}

// ImportWithHelper calls importOne per record.
func ImportWithHelper(ctx context.Context, rs []Record) {
	for _, r := range rs {
		_ = importOne(ctx, r)
	}
}

// Poll starts a span per attempt in a for loop with a condition.
func Poll(ctx context.Context, attempts int) error {
	for i := 0; i < attempts; i++ {
		_, span := tracer.Start(ctx, "poll")
		if i%2 == 0 {
			span.End()
			continue
		}
		span.End()
		return nil
	}
	return errBad
}

// Drain keeps the span open across a retry loop and ends it once.
func Drain(ctx context.Context, ch <-chan Record) {
	ctx, span := tracer.Start(ctx, "drain")
	defer span.End()
	for r := range ch {
		_ = store(ctx, r)
	}
}
